"""The one rasteriser of PDF pages (pdfium): the OCR reads, the versión pública burns and
the viewers show pages drawn here, at a resolution each of them chooses.

Pure: bytes in, PIL images out; errors are ArchivoIlegible with a Spanish message.
"""

import math

import pypdfium2
from django.utils.translation import gettext as _
from PIL import Image

from .normalizar import MAX_PIXELES
from .tipos import ArchivoIlegible

DPI_OCR = 300
PUNTOS_POR_PULGADA = 72
# pdfium draws ceil(side x scale) pixels: float noise (792 x 300/72 = 3300.0000000000005)
# must not add one.
SIN_RUIDO = 1 - 1e-12


def abrir(contenido: bytes) -> pypdfium2.PdfDocument:
    """The PDF, to close() after use. ArchivoIlegible when it cannot be opened or has no
    pages."""
    try:
        documento = pypdfium2.PdfDocument(contenido)
    except pypdfium2.PdfiumError as exc:
        if "password" in str(exc).lower():
            raise ArchivoIlegible(_("El PDF está protegido con contraseña.")) from exc
        raise ArchivoIlegible(_("El PDF está dañado y no se puede leer.")) from exc
    if len(documento) == 0:
        documento.close()
        raise ArchivoIlegible(_("El PDF no tiene páginas."))
    return documento


def hoja(documento: pypdfium2.PdfDocument, numero: int) -> pypdfium2.PdfPage:
    """Page `numero` (1-based) of an open PDF. ArchivoIlegible when pdfium cannot load it."""
    try:
        return documento[numero - 1]
    except pypdfium2.PdfiumError as exc:
        raise pagina_danada(numero) from exc


def escala(pagina: pypdfium2.PdfPage, dpi: float = DPI_OCR, ancho_max: int | None = None) -> float:
    """Pixels per PDF point to draw this page at `dpi`, no wider than `ancho_max` pixels,
    and never beyond MAX_PIXELES (a huge page is drawn at less than `dpi`)."""
    ancho, alto = pagina.get_width(), pagina.get_height()
    valor = min(dpi / PUNTOS_POR_PULGADA, 0.999 * (MAX_PIXELES / max(ancho * alto, 1.0)) ** 0.5)
    if ancho_max:
        valor = min(valor, ancho_max / max(ancho, 1.0))
    return valor


def tamano(pagina: pypdfium2.PdfPage, escala: float) -> tuple[int, int]:
    """The (ancho, alto) in pixels `dibujar` gives this page at `escala` (a page with its
    own text layer is not drawn, yet its word boxes use these pixels)."""
    justa = escala * SIN_RUIDO  # what dibujar hands pdfium
    return math.ceil(pagina.get_width() * justa), math.ceil(pagina.get_height() * justa)


def dibujar(
    pagina: pypdfium2.PdfPage, escala: float, numero: int, *, gris: bool = False
) -> Image.Image:
    """Page `numero` as pdfium draws it (its /Rotate and crop box applied): RGB, or L if
    `gris`. ArchivoIlegible when it cannot be drawn."""
    try:
        return pagina.render(scale=escala * SIN_RUIDO, grayscale=gris).to_pil()
    except pypdfium2.PdfiumError as exc:
        raise pagina_danada(numero) from exc


def pagina(
    contenido: bytes,
    numero: int,
    *,
    dpi: float = DPI_OCR,
    ancho_max: int | None = None,
    gris: bool = False,
) -> Image.Image | None:
    """Page `numero` (1-based) of a PDF as an image (see `escala`), or None when the PDF has
    no such page. ArchivoIlegible when the PDF or that page cannot be drawn."""
    documento = abrir(contenido)
    try:
        if not 1 <= numero <= len(documento):
            return None
        una = hoja(documento, numero)
        return dibujar(una, escala(una, dpi, ancho_max), numero, gris=gris)
    finally:
        documento.close()


def pagina_danada(numero: int) -> ArchivoIlegible:
    return ArchivoIlegible(_("La página %(numero)s del PDF está dañada.") % {"numero": numero})
