"""The OCR pipeline: load -> normalise -> straighten -> recognise, page by page.

`procesar` is the one entry point, used by the background task and by `ocr_file`.
"""

from collections.abc import Iterator
from pathlib import Path

from .ajustes import Ajustes, ajustes_actuales
from .cargar import cargar
from .enderezar import enderezar, girar, orientacion
from .normalizar import normalizar
from .reconocer import reconocer
from .tipos import (
    ArchivoIlegible,
    ErrorOCR,
    ErrorTransitorio,
    Pagina,
    PaginaPreparada,
    Palabra,
    ResultadoPagina,
)

__all__ = [
    "Ajustes",
    "ArchivoIlegible",
    "ErrorOCR",
    "ErrorTransitorio",
    "Pagina",
    "PaginaPreparada",
    "Palabra",
    "ResultadoPagina",
    "ajustes_actuales",
    "leer_pagina",
    "paginas",
    "procesar",
]


def leer_pagina(pagina: Pagina, ajustes: Ajustes) -> ResultadoPagina:
    """One loaded page to its result."""
    if pagina.texto is not None:
        return ResultadoPagina(
            numero=pagina.numero,
            texto=pagina.texto,
            confianza=100.0,
            palabras=pagina.palabras,
            origen="texto_pdf",
            ancho=pagina.ancho,
            alto=pagina.alto,
        )
    preparada, vertical = enderezar(normalizar(pagina))
    if vertical:
        # Lines run up/down: OSD says which way; when it cannot tell, read both.
        giro = orientacion(preparada, ajustes.timeout)
        giros = [giro] if giro in (90, 270) else [90, 270]
        return _mejor(_leer_girada(preparada, g, ajustes) for g in giros)
    resultado = reconocer(preparada, ajustes)
    if (resultado.confianza or 0) >= ajustes.confianza_minima:
        return resultado
    # Low confidence: the page may be upside down, which profiles cannot tell. OSD is
    # asked first; it is unreliable on poor scans, so without its answer 180 is tried.
    giro = orientacion(preparada, ajustes.timeout) or 180
    return _mejor([resultado, _leer_girada(preparada, giro, ajustes)])


def _leer_girada(preparada: PaginaPreparada, giro: int, ajustes: Ajustes) -> ResultadoPagina:
    girada, _vertical = enderezar(girar(preparada, giro))
    return reconocer(girada, ajustes)


def _mejor(resultados) -> ResultadoPagina:
    return max(resultados, key=lambda r: (r.confianza or 0, len(r.palabras)))


def paginas(
    fuente: bytes | str | Path, mime: str = "", ajustes: Ajustes | None = None
) -> Iterator[ResultadoPagina]:
    """Results page by page, as each is read (for progress)."""
    ajustes = ajustes or ajustes_actuales()
    for pagina in cargar(fuente, mime):
        yield leer_pagina(pagina, ajustes)


def procesar(
    fuente: bytes | str | Path, mime: str = "", ajustes: Ajustes | None = None
) -> list[ResultadoPagina]:
    return list(paginas(fuente, mime, ajustes))
