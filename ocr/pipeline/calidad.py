"""The fast check at intake: is a page good enough to be read? No OCR, well under a second a
page. Each page is measured on a small gray copy at MEDIDA_DPI: resolution (pixels against
a letter/A4 page, or a PDF image's own size), sharpness of the text's edges, paper
brightness and contrast, skew and perspective (projection profiles of the ink).

Pure: bytes in, measurements and problem codes out. The Spanish wording lives with the
forms that show it (documentos.calidad)."""

import io
import math
import time
import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from typing import BinaryIO

import cv2
import numpy as np
import pypdfium2
import pypdfium2.raw as pdfium_c
from PIL import Image, ImageOps

from . import rasterizador
from .normalizar import a_gris
from .tipos import ArchivoIlegible

MEDIDA_DPI = 150  # every page is measured at this scale
LADO_LARGO_PULGADAS = 11.0  # letter (A4: 11.7): a scan without a dpi tag is this long
MAX_PIXELES = 60_000_000
MAX_PUNTOS = 20_000  # ink pixels used for the skew
TESELA = 48  # px at MEDIDA_DPI (8 mm)
MIN_LETRAS_TEXTO_PDF = 20

# Calibrated on the shared samples and on degraded copies of them (see the bench report).
DPI_MINIMO = 140  # below: "vuelva a escanear a 300 dpi"
DPI_ILEGIBLE = 100
NITIDEZ_MINIMA = 0.20  # steepest edge / its contrast, per px at MEDIDA_DPI
NITIDEZ_ILEGIBLE = 0.15
FONDO_MINIMO = 80  # paper darker than this (0-255): too dark
CONTRASTE_MINIMO = 40  # paper minus ink below this: faded or washed out
CONTRASTE_ILEGIBLE = 25
INCLINACION_MAXIMA = 15.0  # degrees
PERSPECTIVA_MAXIMA = 4.5  # degrees between the lines at the top and at the bottom
MIN_TINTA = 0.002  # share of ink pixels below which the page is taken as blank
MIN_CLARIDAD = 1.5  # a part's lines must stand out this much to measure its angle
RENGLONES_MINIMO = 1.6  # below: blotches, streaks or texture hide the lines of text
UMBRAL_TRAZO = 12  # a stroke is this much darker than its surroundings (0-255)

RESOLUCION = "resolucion"
BORROSA = "borrosa"
OSCURA = "oscura"
CONTRASTE = "contraste"
INCLINADA = "inclinada"
PERSPECTIVA = "perspectiva"
RUIDO = "ruido"

LEGIBLE = "legible"
DUDOSA = "dudosa"
ILEGIBLE = "ilegible"


@dataclass(frozen=True)
class CalidadPagina:
    """One page's measurements. `problemas` is in order of importance (the first one is
    what to fix first); `legibilidad` is the overall estimate."""

    numero: int
    dpi: float | None = None
    nitidez: float | None = None
    fondo: float | None = None
    contraste: float | None = None
    inclinacion: float | None = None
    perspectiva: float | None = None
    renglones: float | None = None  # how clearly the ink falls into lines (1: not at all)
    tinta: float = 0.0
    texto_digital: bool = False
    problemas: tuple[str, ...] = ()
    legibilidad: str = LEGIBLE
    segundos: float = 0.0

    @property
    def en_blanco(self) -> bool:
        return not self.texto_digital and self.tinta < MIN_TINTA


class ArchivoNoRevisable(Exception):
    """The file could not be opened for the check (the intake validation says why)."""


def revisar(fuente: bytes | BinaryIO, mime: str = "") -> list[CalidadPagina]:
    """Check every page of an image or PDF file (bytes or a binary file object)."""
    return list(paginas(fuente, mime))


def paginas(fuente: bytes | BinaryIO, mime: str = "") -> Iterator[CalidadPagina]:
    """The pages' checks one at a time (a caller may stop early)."""
    fichero = io.BytesIO(fuente) if isinstance(fuente, bytes | bytearray) else fuente
    fichero.seek(0)
    cabecera = fichero.read(1024)
    fichero.seek(0)
    if mime == "application/pdf" or cabecera.lstrip().startswith(b"%PDF"):
        yield from _paginas_pdf(fichero)
    else:
        yield from _paginas_imagen(fichero)


def _paginas_imagen(fichero: BinaryIO) -> Iterator[CalidadPagina]:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            imagen = Image.open(fichero)
            total = getattr(imagen, "n_frames", 1)
            for indice in range(total):
                inicio = time.perf_counter()
                imagen.seek(indice)
                original = imagen.size
                if original[0] * original[1] > MAX_PIXELES:
                    raise ArchivoNoRevisable("too big")
                dpi = _dpi_de_pixeles(original, imagen.info.get("dpi"))
                if imagen.format == "JPEG":
                    # Decoded at 1/2, 1/4 or 1/8 when that still gives MEDIDA_DPI: fast.
                    imagen.draft("L", _tamano_a(original, dpi, MEDIDA_DPI))
                pagina = ImageOps.exif_transpose(imagen) if imagen.format == "JPEG" else imagen
                gris = a_gris(pagina)
                dpi_gris = dpi * max(gris.shape) / max(original)
                yield medir(gris, dpi_gris, indice + 1, dpi=dpi, inicio=inicio)
    except ArchivoNoRevisable:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise ArchivoNoRevisable("too big") from exc
    except (OSError, SyntaxError, ValueError, EOFError) as exc:
        raise ArchivoNoRevisable(str(exc)) from exc


def _paginas_pdf(fichero: BinaryIO) -> Iterator[CalidadPagina]:
    try:
        documento = rasterizador.abrir(fichero.read())
    except ArchivoIlegible as exc:
        raise ArchivoNoRevisable(str(exc)) from exc
    try:
        for numero in range(1, len(documento) + 1):
            inicio = time.perf_counter()
            try:
                hoja = rasterizador.hoja(documento, numero)
                if _tiene_texto(hoja):
                    # A born-digital page: sharp and straight by construction.
                    yield CalidadPagina(
                        numero, texto_digital=True, segundos=time.perf_counter() - inicio
                    )
                    continue
                escala = rasterizador.escala(hoja, MEDIDA_DPI)
                imagen = rasterizador.dibujar(hoja, escala, numero, gris=True)
                gris = np.asarray(imagen.convert("L"))
                dpi = _dpi_de_imagenes(hoja)
            except (ArchivoIlegible, pypdfium2.PdfiumError) as exc:
                raise ArchivoNoRevisable(str(exc)) from exc
            yield medir(gris, escala * 72, numero, dpi=dpi, inicio=inicio)
    finally:
        documento.close()


def _tiene_texto(hoja) -> bool:
    textpage = hoja.get_textpage()
    try:
        texto = textpage.get_text_bounded()
    finally:
        textpage.close()
    return sum(c.isalnum() for c in texto) >= MIN_LETRAS_TEXTO_PDF


def _dpi_de_imagenes(hoja) -> float | None:
    """The resolution of the largest image drawn on a PDF page (its pixels over the inches
    it covers), or None for a page without images (drawn vector text is sharp)."""
    mejor, area_mejor = None, 0.0
    for objeto in hoja.get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_IMAGE,), max_depth=2):
        try:
            izquierda, abajo, derecha, arriba = objeto.get_bounds()
            ancho_px, alto_px = objeto.get_px_size()
        except pypdfium2.PdfiumError:
            continue
        lado_pt = max(derecha - izquierda, arriba - abajo)
        area = (derecha - izquierda) * (arriba - abajo)
        if lado_pt <= 0 or area <= area_mejor:
            continue
        mejor, area_mejor = max(ancho_px, alto_px) / (lado_pt / 72), area
    pagina_pt = hoja.get_width() * hoja.get_height()
    # A logo or a signature is not the scan: only an image covering much of the page counts.
    return mejor if mejor and area_mejor >= 0.3 * pagina_pt else None


def _dpi_de_pixeles(tamano: tuple[int, int], etiqueta) -> float:
    """The image's resolution: its dpi tag when that gives a page-sized sheet, else its long
    side over a letter page's."""
    por_tamano = max(tamano) / LADO_LARGO_PULGADAS
    try:
        declarado = float(etiqueta[0]) if etiqueta else 0.0
    except (TypeError, ValueError, IndexError):
        declarado = 0.0
    if declarado > 0 and 4.0 <= max(tamano) / declarado <= 20.0:
        return declarado
    return por_tamano


def _tamano_a(tamano: tuple[int, int], dpi: float, objetivo: float) -> tuple[int, int]:
    factor = min(1.0, objetivo / max(dpi, 1.0))
    return max(1, round(tamano[0] * factor)), max(1, round(tamano[1] * factor))


# ---------------------------------------------------------------------------------------
# The measurements


def medir(
    gris: np.ndarray,
    dpi_gris: float,
    numero: int = 1,
    *,
    dpi: float | None = None,
    inicio: float | None = None,
) -> CalidadPagina:
    """Measure one gray page whose pixels are at `dpi_gris`; `dpi` is the scan's own
    resolution (None: not known, as for a PDF page without images)."""
    inicio = time.perf_counter() if inicio is None else inicio
    gris = _a_medida(gris, dpi_gris)
    fondo = float(np.percentile(gris, 90))
    tinta = _mascara_tinta(gris)
    proporcion = float(tinta.mean())
    # The ink's own level (not the page's darkest pixels: a sparse page has few of them).
    contraste = fondo - float(np.median(gris[tinta])) if proporcion else 0.0
    datos = {"numero": numero, "dpi": dpi, "fondo": fondo, "contraste": contraste}
    if proporcion < MIN_TINTA or contraste < 8:
        # Nothing written (or nothing visible): only the light can be judged.
        problemas = [OSCURA] if fondo < FONDO_MINIMO else []
        return _resultado(datos, problemas, proporcion, inicio)
    nitidez = _nitidez(gris, contraste)
    inclinacion, perspectiva, renglones = _inclinacion(tinta)
    datos.update(
        nitidez=nitidez, inclinacion=inclinacion, perspectiva=perspectiva, renglones=renglones
    )
    problemas = []
    if dpi is not None and dpi < DPI_MINIMO:
        problemas.append(RESOLUCION)
    elif nitidez < NITIDEZ_MINIMA:
        problemas.append(BORROSA)
    if renglones < RENGLONES_MINIMO:
        problemas.append(RUIDO)
    if fondo < FONDO_MINIMO:
        problemas.append(OSCURA)
    elif contraste < CONTRASTE_MINIMO:
        problemas.append(CONTRASTE)
    if abs(inclinacion) > INCLINACION_MAXIMA:
        problemas.append(INCLINADA)
    elif perspectiva > PERSPECTIVA_MAXIMA:
        problemas.append(PERSPECTIVA)
    return _resultado(datos, problemas, proporcion, inicio)


def _resultado(datos: dict, problemas: list[str], tinta: float, inicio: float) -> CalidadPagina:
    grave = (
        (datos.get("dpi") is not None and datos["dpi"] < DPI_ILEGIBLE)
        or (datos.get("nitidez") is not None and datos["nitidez"] < NITIDEZ_ILEGIBLE)
        or datos["contraste"] < CONTRASTE_ILEGIBLE
        or len(problemas) >= 2
    )
    legibilidad = LEGIBLE if not problemas else ILEGIBLE if grave else DUDOSA
    return CalidadPagina(
        tinta=tinta,
        problemas=tuple(problemas),
        legibilidad=legibilidad,
        segundos=time.perf_counter() - inicio,
        **datos,
    )


def _a_medida(gris: np.ndarray, dpi_gris: float) -> np.ndarray:
    factor = MEDIDA_DPI / max(dpi_gris, 1.0)
    if abs(factor - 1.0) < 0.05:
        return gris
    alto, ancho = gris.shape
    tamano = (max(1, round(ancho * factor)), max(1, round(alto * factor)))
    metodo = cv2.INTER_AREA if factor < 1 else cv2.INTER_LINEAR
    return cv2.resize(gris, tamano, interpolation=metodo)


def _mascara_tinta(gris: np.ndarray) -> np.ndarray:
    """Strokes darker than their surroundings (a dark table around a photo is not ink)."""
    bloque = 31  # ~5 mm at MEDIDA_DPI: wider than a stroke, narrower than a shadow
    return cv2.adaptiveThreshold(
        gris, 1, cv2.ADAPTIVE_THRESH_MEAN_C, cv2.THRESH_BINARY_INV, bloque, UMBRAL_TRAZO
    ).astype(bool)


def _nitidez(gris: np.ndarray, contraste: float) -> float:
    """How steep the text's edges are: in the tiles with text, the steepest gradient over
    the tile's own contrast (a sharp edge ~0.5 per px, a blur of sigma s px ~0.4 / s)."""
    g = gris.astype(np.float32)
    gx = np.abs(g[:, 2:] - g[:, :-2])[1:-1, :] / 2
    gy = np.abs(g[2:, :] - g[:-2, :])[:, 1:-1] / 2
    gradiente = np.maximum(gx, gy)
    centro = g[1:-1, 1:-1]
    alto, ancho = (s // TESELA * TESELA for s in gradiente.shape)
    if not alto or not ancho:
        return 0.0

    def teselas(a: np.ndarray) -> np.ndarray:
        a = a[:alto, :ancho].reshape(alto // TESELA, TESELA, ancho // TESELA, TESELA)
        return a.swapaxes(1, 2).reshape(-1, TESELA * TESELA)

    niveles = teselas(centro)
    rango = niveles.max(axis=1) - niveles.min(axis=1)
    con_texto = rango > 0.5 * contraste
    if con_texto.sum() < 3:
        return 0.0
    maximos = teselas(gradiente)[con_texto].max(axis=1)
    return float(np.median(maximos / rango[con_texto]))


def _inclinacion(tinta: np.ndarray) -> tuple[float, float, float]:
    """(skew in degrees, difference between the skew of the top and bottom thirds of the
    text: lines that fan out are a photo taken at an angle, clarity of the lines)."""
    ys, xs = np.nonzero(tinta)
    paso = max(1, len(ys) // MAX_PUNTOS)
    ys, xs = ys[::paso].astype(np.float32), xs[::paso].astype(np.float32)
    angulo, renglones = _mejor_angulo(ys, xs, 45.0)
    arriba, abajo = np.percentile(ys, [2, 98])
    tercio = (abajo - arriba) / 3
    partes = []
    for filtro in (ys < arriba + tercio, ys > abajo - tercio):
        if filtro.sum() > 500:
            parte, claridad = _mejor_angulo(ys[filtro], xs[filtro], 20.0, centro=angulo)
            if claridad >= MIN_CLARIDAD:  # noise or streaks have no clear line direction
                partes.append(parte)
                # Lines clear in a part but not across the page: geometry, not noise.
                renglones = max(renglones, claridad)
    perspectiva = abs(partes[0] - partes[1]) if len(partes) == 2 else 0.0
    return angulo, perspectiva, renglones


def _mejor_angulo(ys, xs, radio: float, *, centro: float = 0.0) -> tuple[float, float]:
    """(angle, clarity: how much the best angle's lines stand out from the median one)."""
    claridad = 0.0
    for paso in (1.0, 0.25):
        angulos = np.arange(centro - radio, centro + radio + 1e-9, paso)
        valores = [_agudeza(ys, xs, a) for a in angulos]
        if not claridad:
            claridad = max(valores) / (float(np.median(valores)) or 1.0)
        centro, radio = float(angulos[int(np.argmax(valores))]), paso
    return centro, claridad


def _agudeza(ys: np.ndarray, xs: np.ndarray, grados: float) -> float:
    """How sharply the ink falls into horizontal lines once sheared by `grados`."""
    proyeccion = ys - xs * math.tan(math.radians(grados))
    filas = (proyeccion - proyeccion.min()).astype(np.int64)
    cuentas = np.bincount(filas).astype(np.float64)
    return float((cuentas * cuentas).sum())
