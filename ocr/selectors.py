"""Reads of OCR results for other packages (search indexing, the escrito page)."""

from collections import defaultdict

from .models import PaginaOCR, ResultadoOCR


def textos_por_archivo(archivo_ids) -> dict[int, list[tuple[int, str]]]:
    """Finished text per file: {archivo_id: [(page number, text), ...]} in page order."""
    textos: dict[int, list[tuple[int, str]]] = defaultdict(list)
    paginas = (
        PaginaOCR.objects.filter(
            resultado__archivo_id__in=list(archivo_ids),
            resultado__estado=ResultadoOCR.Estado.TERMINADO,
        )
        .order_by("resultado__archivo_id", "numero")
        .values_list("resultado__archivo_id", "numero", "texto")
    )
    for archivo_id, numero, texto in paginas:
        textos[archivo_id].append((numero, texto))
    return dict(textos)
