"""The OCR pipeline: load -> normalise -> straighten -> recognise -> judge, page by page.

`procesar` is the one entry point, used by the background task and by `ocr_file`. Every
page's result carries the seconds each step took (`tiempos`), so a slow page can be explained.
"""

import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import numpy as np

from .ajustes import Ajustes, ajustes_actuales
from .cargar import cargar
from .enderezar import enderezar, girar, orientacion
from .legibilidad import DUDOSA, ILEGIBLE, LEGIBLE, juzgar
from .normalizar import a_gris, dpi_estimado, normalizar
from .pagina import Hoja, aplanar_hoja
from .reconocer import reconocer
from .sello import gris_sin_sellos
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
    "DUDOSA",
    "ILEGIBLE",
    "LEGIBLE",
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


class Cronometro:
    """Seconds per step, summed when a step runs more than once (a page read turned)."""

    def __init__(self, tiempos: dict | None = None):
        self.tiempos: dict[str, float] = dict(tiempos or {})

    @contextmanager
    def paso(self, nombre: str):
        inicio = time.perf_counter()
        try:
            yield
        finally:
            segundos = time.perf_counter() - inicio
            self.tiempos[nombre] = round(self.tiempos.get(nombre, 0.0) + segundos, 3)


def leer_pagina(pagina: Pagina, ajustes: Ajustes, cronometro: Cronometro | None = None):
    """One loaded page to its judged result, with its steps' timings."""
    cronometro = cronometro or Cronometro()
    resultado = _leer(pagina, ajustes, cronometro)
    with cronometro.paso("juzgar"):
        resultado = juzgar(resultado, ajustes)
    resultado.tiempos = cronometro.tiempos
    return resultado


def _leer(pagina: Pagina, ajustes: Ajustes, c: Cronometro) -> ResultadoPagina:
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
    gris = None
    if ajustes.quitar_sellos:
        with c.paso("sellos"):
            gris = gris_sin_sellos(pagina.imagen)
    hoja = None
    with c.paso("hoja"):
        gris = a_gris(pagina.imagen) if gris is None else gris  # once, for both steps
        if ajustes.buscar_hoja:
            hoja = aplanar_hoja(gris)
    if hoja is None:  # the whole image, already gray
        escala = np.diag([gris.shape[1] / pagina.ancho, gris.shape[0] / pagina.alto, 1.0])
        hoja = Hoja(gris, escala, dpi_estimado(pagina), None)
    with c.paso("normalizar"):
        normalizada = normalizar(pagina, hoja)
    with c.paso("enderezar"):
        preparada, vertical = enderezar(normalizada)
    if vertical:
        # Lines run up/down: OSD says which way; when it cannot tell, read both.
        with c.paso("orientacion"):
            giro = orientacion(preparada, ajustes.timeout)
        giros = [giro] if giro in (90, 270) else [90, 270]
        return _mejor(_leer_girada(preparada, g, ajustes, c) for g in giros)
    with c.paso("reconocer"):
        resultado = reconocer(preparada, ajustes)
    if (resultado.confianza or 0) >= ajustes.confianza_minima:
        return resultado
    # Low confidence: the page may be upside down, which profiles cannot tell. OSD is
    # asked first; it is unreliable on poor scans, so without its answer 180 is tried.
    with c.paso("orientacion"):
        giro = orientacion(preparada, ajustes.timeout) or 180
    return _mejor([resultado, _leer_girada(preparada, giro, ajustes, c)])


def _leer_girada(
    preparada: PaginaPreparada, giro: int, ajustes: Ajustes, c: Cronometro
) -> ResultadoPagina:
    with c.paso("enderezar"):
        girada, _vertical = enderezar(girar(preparada, giro))
    with c.paso("reconocer"):
        return reconocer(girada, ajustes)


def _mejor(resultados) -> ResultadoPagina:
    return max(resultados, key=lambda r: (r.confianza or 0, len(r.palabras)))


def paginas(
    fuente: bytes | str | Path, mime: str = "", ajustes: Ajustes | None = None
) -> Iterator[ResultadoPagina]:
    """Results page by page, as each is read (for progress)."""
    ajustes = ajustes or ajustes_actuales()
    cargadas = cargar(fuente, mime)
    while True:
        cronometro = Cronometro()
        with cronometro.paso("cargar"):
            pagina = next(cargadas, None)
        if pagina is None:
            return
        yield leer_pagina(pagina, ajustes, cronometro)


def procesar(
    fuente: bytes | str | Path, mime: str = "", ajustes: Ajustes | None = None
) -> list[ResultadoPagina]:
    return list(paginas(fuente, mime, ajustes))
