"""Testado: boxes burned into page images, and the public PDF rebuilt from those images.

Pure (no database, no escritos). Every pixel inside a box becomes black: nothing is laid
over the page that a viewer could remove. When it fits, a white tag with the label in black
is drawn inside the box (white letters on black made Tesseract's per-line inversion garble
the words beside the box; a tag reads as "[testado: …]", like the public text). The public
PDF holds only the burned images (img2pdf: no text layer) and a legend page (reportlab),
with no metadata but a title.
"""

import io
import math
from collections.abc import Iterable
from contextlib import ExitStack
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import cv2
import img2pdf
import numpy as np
import pikepdf
import reportlab
from django.utils.translation import gettext as _
from PIL import Image, ImageDraw, ImageFont
from reportlab.lib import colors
from reportlab.lib.pagesizes import LETTER
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import cm
from reportlab.platypus import SimpleDocTemplate, Spacer, Table, TableStyle

from formatos.pdf import parrafo

from .normalizar import a_gris

# Bitstream Vera ships with reportlab (a dependency) and has the accented letters.
FUENTE_ETIQUETA = Path(reportlab.__file__).parent / "fonts" / "VeraBd.ttf"
LETRA_MIN_PT, LETRA_MAX_PT = 4.5, 12  # a label smaller than 4.5 pt is not drawn
ALTO_LETRA = 0.6  # of the box's height
UMBRAL_COLOR = 32  # channel spread that counts as colour (JPEG noise stays below)
PROPORCION_COLOR = 0.001  # this share of coloured pixels keeps the page in colour
CALIDAD_JPEG = 85
PNG_HASTA = 2.0  # lossless PNG unless it would be this many times the JPEG's size
NIVEL_PNG = 4  # zlib level: within ~7 % of level 6's size at ~60 % of its time on text
FRANJA, CADA = 16, 8  # the encoding is chosen on every 8th band of 16 rows


@dataclass(frozen=True)
class Recuadro:
    """A box to burn, in pixels of the page image. The first label that fits is drawn."""

    x: int
    y: int
    ancho: int
    alto: int
    etiquetas: tuple[str, ...] = ()


def modo_publico(imagen: Image.Image) -> Image.Image:
    """A copy of the page as 1-bit (when it is pure black and white), gray, or RGB (only
    when it has colour), without any of the source's metadata (EXIF, ICC, XMP, text)."""
    if imagen.mode == "1":
        pagina = imagen.copy()
    elif imagen.mode in ("L", "LA", "I;16", "I;16B", "I;16L", "I", "F"):
        pagina = Image.fromarray(a_gris(imagen))
    else:
        pagina = _rgb(imagen)
        if not _tiene_color(pagina):
            pagina = pagina.convert("L")
    if pagina.mode == "L" and not any(pagina.histogram()[1:255]):
        pagina = pagina.convert("1", dither=Image.Dither.NONE)
    pagina.info.clear()
    return pagina


def _tiene_color(pagina: Image.Image) -> bool:
    """Whether enough pixels of a reduced copy differ between channels to be colour (a
    stamp, a logo), not the chroma noise of a gray scan saved as colour JPEG."""
    r, g, b = cv2.split(np.asarray(pagina.reduce(max(1, pagina.width // 800))))
    dispersion = cv2.max(cv2.absdiff(r, g), cv2.max(cv2.absdiff(g, b), cv2.absdiff(r, b)))
    return cv2.countNonZero(cv2.compare(dispersion, UMBRAL_COLOR, cv2.CMP_GT)) >= (
        PROPORCION_COLOR * dispersion.size
    )


def _rgb(imagen: Image.Image) -> Image.Image:
    if imagen.mode in ("RGBA", "PA") or (imagen.mode == "P" and "transparency" in imagen.info):
        fondo = Image.new("RGBA", imagen.size, (255, 255, 255, 255))
        fondo.alpha_composite(imagen.convert("RGBA"))
        imagen = fondo
    return imagen.convert("RGB")


def quemar(imagen: Image.Image, recuadros: Iterable[Recuadro], dpi: float = 300) -> Image.Image:
    """The page with every box filled with black (clipped to the page) and, when one fits,
    its label on a white tag inside it."""
    pagina = modo_publico(imagen)
    dibujo = ImageDraw.Draw(pagina)
    for recuadro in recuadros:
        x0, y0 = max(recuadro.x, 0), max(recuadro.y, 0)
        x1 = min(recuadro.x + recuadro.ancho, pagina.width)
        y1 = min(recuadro.y + recuadro.alto, pagina.height)
        if x1 <= x0 or y1 <= y0:
            continue
        dibujo.rectangle((x0, y0, x1 - 1, y1 - 1), fill="black")
        rotulo = etiqueta_que_cabe(recuadro.etiquetas, x1 - x0, y1 - y0, dpi)
        if rotulo:
            texto, fuente, (ancho, alto), relleno = rotulo
            tx = x0 + (x1 - x0 - ancho) // 2
            ty = y0 + (y1 - y0 - alto) // 2
            dibujo.rectangle(
                (tx - relleno, ty - relleno, tx + ancho + relleno - 1, ty + alto + relleno - 1),
                fill="white",
            )
            dibujo.text((tx, ty), texto, fill="black", font=fuente, anchor="lt")
    return pagina


@cache
def _fuente(tamano: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(FUENTE_ETIQUETA), tamano)


def etiqueta_que_cabe(etiquetas, ancho: int, alto: int, dpi: float = 300):
    """(text, font, (width, height), padding) of the first label whose tag fits inside the
    box with a black margin, or None (the box is too small for a legible label)."""
    tamano = min(math.floor(alto * ALTO_LETRA), round(LETRA_MAX_PT * dpi / 72))
    if tamano < LETRA_MIN_PT * dpi / 72:
        return None
    fuente, relleno = _fuente(tamano), max(1, tamano // 6)
    for texto in etiquetas:
        izquierda, arriba, derecha, abajo = fuente.getbbox(texto, anchor="lt")
        medida = (derecha - izquierda, abajo - arriba)
        if medida[0] + 2 * relleno + tamano // 2 <= ancho and medida[1] + 2 * relleno < alto:
            return texto, fuente, medida, relleno
    return None


def codificar(imagen: Image.Image) -> bytes:
    """The burned page as PNG (lossless: bilevel, gray or RGB) or, when a noisy scan would
    make the PNG much larger, as JPEG. No metadata is written."""
    if imagen.mode == "1":
        return _guardar(imagen, "PNG", optimize=True)
    arreglo = np.asarray(imagen)
    filas = np.flatnonzero((np.arange(arreglo.shape[0]) // FRANJA) % CADA == 0)
    muestra = Image.fromarray(arreglo[filas])
    png = len(_guardar(muestra, "PNG", compress_level=1))
    jpeg = len(_guardar(muestra, "JPEG", quality=CALIDAD_JPEG))
    if png <= PNG_HASTA * jpeg:
        return _guardar(imagen, "PNG", compress_level=NIVEL_PNG)
    return _guardar(imagen, "JPEG", quality=CALIDAD_JPEG)


def _guardar(imagen: Image.Image, formato: str, **opciones) -> bytes:
    salida = io.BytesIO()
    imagen.save(salida, formato, **opciones)
    return salida.getvalue()


@dataclass(frozen=True)
class PaginaQuemada:
    imagen: bytes  # PNG or JPEG from `codificar`
    dpi: float  # the page keeps its physical size: pixels / dpi inches


def pdf_leyenda(
    titulo: str, parrafos: Iterable[str], filas: Iterable[tuple[str, str]], tamano=LETTER
) -> bytes:
    """The legend page: the title, the caller's paragraphs (motivación and legal ground, as
    the Lineamientos ask) and, per page of the public PDF, what was testado there. Every
    text is escaped."""
    estilos = getSampleStyleSheet()
    normal = ParagraphStyle("testado_normal", parent=estilos["Normal"], fontSize=10, leading=13)
    negrita = ParagraphStyle("testado_negrita", parent=normal, fontName="Helvetica-Bold")
    elementos = [
        parrafo(titulo, estilos["Title"]),
        parrafo(_("Leyenda del testado"), estilos["Heading2"]),
    ]
    for texto in parrafos:
        elementos += [parrafo(texto, normal), Spacer(1, 6)]
    filas = list(filas)
    elementos.append(parrafo(_("Datos testados por página"), estilos["Heading3"]))
    if filas:
        tabla = Table(
            [
                [parrafo(_("Página"), negrita), parrafo(_("Datos testados"), negrita)],
                *[[parrafo(pagina, normal), parrafo(datos, normal)] for pagina, datos in filas],
            ],
            colWidths=[5.5 * cm, tamano[0] - 4 * cm - 5.5 * cm],
            repeatRows=1,
        )
        tabla.setStyle(
            TableStyle(
                [
                    ("GRID", (0, 0), (-1, -1), 0.5, colors.HexColor("#999999")),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#eeeeee")),
                ]
            )
        )
        elementos.append(tabla)
    else:
        elementos.append(parrafo(_("Ninguna página tiene datos testados."), normal))
    salida = io.BytesIO()
    documento = SimpleDocTemplate(
        salida,
        pagesize=tamano,
        leftMargin=2 * cm,
        rightMargin=2 * cm,
        topMargin=2 * cm,
        bottomMargin=2 * cm,
        invariant=True,
    )
    documento.build(elementos)
    return salida.getvalue()


def pdf_publico(paginas: Iterable[PaginaQuemada], leyenda: bytes, titulo: str) -> bytes:
    """One PDF page per burned image at its physical size, then the legend's pages. The
    document carries only `titulo` (no author, dates, producer or XMP)."""
    with ExitStack() as pila:
        salida = pila.enter_context(pikepdf.new())
        partes = [
            img2pdf.convert(
                pagina.imagen,
                layout_fun=img2pdf.get_fixed_dpi_layout_fun((pagina.dpi, pagina.dpi)),
                nodate=True,
            )
            for pagina in paginas
        ]
        for parte in [*partes, leyenda]:
            # The sources stay open until the save: pikepdf copies their streams lazily.
            salida.pages.extend(pila.enter_context(pikepdf.open(io.BytesIO(parte))).pages)
        if "/Metadata" in salida.Root:
            del salida.Root.Metadata
        salida.trailer.Info = salida.make_indirect(pikepdf.Dictionary(Title=titulo))
        resultado = io.BytesIO()
        salida.save(resultado, deterministic_id=True)
    return resultado.getvalue()
