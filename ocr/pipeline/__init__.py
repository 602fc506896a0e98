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
        giro = orientacion(preparada, ajustes.timeout)
        if giro:
            preparada, _ = enderezar(girar(preparada, giro))
    resultado = reconocer(preparada, ajustes)
    if vertical or (resultado.confianza or 0) >= ajustes.confianza_minima:
        return resultado
    # Low confidence: the page may be upside down (profiles cannot tell 0 from 180).
    giro = orientacion(preparada, ajustes.timeout)
    if not giro:
        return resultado
    otra, _ = enderezar(girar(preparada, giro))
    alternativa = reconocer(otra, ajustes)
    return alternativa if (alternativa.confianza or 0) > (resultado.confianza or 0) else resultado


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
