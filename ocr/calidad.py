"""The intake quality check for documentos (registered in apps.py): ocr.pipeline.calidad's
measurements as documentos.calidad's page verdicts."""

from collections.abc import Iterator

from documentos.calidad import RevisionPagina

from .pipeline import calidad


def revisar(fichero, mime: str = "") -> Iterator[RevisionPagina]:
    for pagina in calidad.paginas(fichero, mime):
        yield RevisionPagina(
            numero=pagina.numero,
            problemas=pagina.problemas,
            legibilidad=pagina.legibilidad,
            dpi=pagina.dpi,
            inclinacion=pagina.inclinacion,
        )
