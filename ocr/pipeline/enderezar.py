"""Step 3, orientation and skew: small skew angles by projection profiles, 90/180/270
degree turns by Tesseract's OSD. Scale and rotation are applied in one resampling."""

import math

import cv2
import numpy as np
import pytesseract
from PIL import Image

from .tipos import PaginaPreparada

MAX_INCLINACION = 6.0  # degrees searched either way
PASOS = (1.0, 0.2, 0.04)  # coarse to fine search steps, degrees
MIN_CORREGIR = 0.1  # below this, no rotation (and no resampling for it)
LADO_MEDICION = 900  # the skew is measured on a copy about this wide
MAX_PUNTOS = 40_000
UMBRAL_TINTA = 140
MARGEN_RECORTE = 48  # px of paper kept around the text when cropping (~4 mm at 300 dpi)


def _puntos_tinta(imagen: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    alto, ancho = imagen.shape
    k = max(1, round(min(alto, ancho) / LADO_MEDICION))
    if k > 1:
        imagen = cv2.resize(imagen, (ancho // k, alto // k), interpolation=cv2.INTER_AREA)
    ys, xs = np.nonzero(imagen < UMBRAL_TINTA)
    paso = max(1, len(ys) // MAX_PUNTOS)
    return ys[::paso].astype(np.float32), xs[::paso].astype(np.float32)


def _nitidez(ys: np.ndarray, xs: np.ndarray, grados: float) -> float:
    """How sharply the ink falls into horizontal lines once sheared by `grados`."""
    proyeccion = ys - xs * math.tan(math.radians(grados))
    filas = (proyeccion - proyeccion.min()).astype(np.int64)
    cuentas = np.bincount(filas).astype(np.float64)
    return float((cuentas * cuentas).sum())  # not np.dot: no BLAS threads in a worker


def _mejor_angulo(ys, xs, pasos=PASOS) -> tuple[float, float]:
    centro, radio = 0.0, MAX_INCLINACION
    mejor_valor = 0.0
    for paso in pasos:
        angulos = np.arange(centro - radio, centro + radio + 1e-9, paso)
        valores = [_nitidez(ys, xs, a) for a in angulos]
        i = int(np.argmax(valores))
        centro, mejor_valor, radio = float(angulos[i]), valores[i], paso
    return centro, mejor_valor


def medir(imagen: np.ndarray) -> tuple[float, bool]:
    """(skew in degrees, lines look vertical). Positive skew: lines fall to the right."""
    ys, xs = _puntos_tinta(imagen)
    if len(ys) < 200:
        return 0.0, False
    angulo, filas = _mejor_angulo(ys, xs)
    _, columnas = _mejor_angulo(xs, ys, pasos=PASOS[:1])
    return angulo, columnas > 1.15 * filas


def _girar_recto(pagina: PaginaPreparada, giro: int) -> PaginaPreparada:
    alto, ancho = pagina.imagen.shape
    codigo, matriz = {
        90: (
            cv2.ROTATE_90_COUNTERCLOCKWISE,
            np.array([[0, 1, 0], [-1, 0, ancho], [0, 0, 1]], dtype=float),
        ),
        180: (cv2.ROTATE_180, np.array([[-1, 0, ancho], [0, -1, alto], [0, 0, 1]], dtype=float)),
        270: (
            cv2.ROTATE_90_CLOCKWISE,
            np.array([[0, -1, alto], [1, 0, 0], [0, 0, 1]], dtype=float),
        ),
    }[giro]
    return _con(pagina, cv2.rotate(pagina.imagen, codigo), matriz, giro=giro)


def _con(pagina, imagen, matriz, *, giro=0, grados=0.0, escala=None) -> PaginaPreparada:
    return PaginaPreparada(
        numero=pagina.numero,
        imagen=imagen,
        matriz=matriz @ pagina.matriz,
        ancho=pagina.ancho,
        alto=pagina.alto,
        escala=pagina.escala if escala is None else escala,
        giro=(pagina.giro + giro) % 360,
        inclinacion=pagina.inclinacion + grados,
    )


def transformar(pagina: PaginaPreparada, grados: float) -> PaginaPreparada:
    """Rotate `grados` counter-clockwise (as seen) and apply the pending scale, in one
    resampling, keeping the whole page."""
    alto, ancho = pagina.imagen.shape
    s = pagina.escala
    if abs(grados) < MIN_CORREGIR:
        if s == 1.0:
            return pagina
        grados = 0.0
    t = math.radians(grados)
    c, si = math.cos(t) * s, math.sin(t) * s
    nuevo_ancho = round(ancho * abs(c) + alto * abs(si))
    nuevo_alto = round(ancho * abs(si) + alto * abs(c))
    cx, cy, ncx, ncy = ancho / 2, alto / 2, nuevo_ancho / 2, nuevo_alto / 2
    matriz = np.array(
        [[c, si, ncx - c * cx - si * cy], [-si, c, ncy + si * cx - c * cy], [0.0, 0.0, 1.0]]
    )
    if grados == 0.0:
        nueva = cv2.resize(pagina.imagen, (nuevo_ancho, nuevo_alto), interpolation=cv2.INTER_CUBIC)
    else:
        nueva = cv2.warpAffine(
            pagina.imagen,
            matriz[:2],
            (nuevo_ancho, nuevo_alto),
            flags=cv2.INTER_LINEAR,
            borderMode=cv2.BORDER_CONSTANT,
            borderValue=255,
        )
    return _con(pagina, nueva, matriz, grados=grados, escala=1.0)


def recortar(pagina: PaginaPreparada) -> PaginaPreparada:
    """Crop the blank margins (keeping MARGEN_RECORTE px of paper): Tesseract's time grows
    with the page's area, and a letter is often half blank."""
    imagen = pagina.imagen
    alto, ancho = imagen.shape
    k = max(1, round(min(alto, ancho) / LADO_MEDICION))
    tinta = imagen[::k, ::k] < UMBRAL_TINTA  # a sample is enough (speckles are gone)
    filas = np.flatnonzero(tinta.sum(axis=1) >= max(2, 0.004 * tinta.shape[1]))
    columnas = np.flatnonzero(tinta.sum(axis=0) >= max(2, 0.004 * tinta.shape[0]))
    if not len(filas) or not len(columnas):
        return pagina
    x0 = max(0, columnas[0] * k - MARGEN_RECORTE)
    y0 = max(0, filas[0] * k - MARGEN_RECORTE)
    x1 = min(ancho, (columnas[-1] + 1) * k + MARGEN_RECORTE)
    y1 = min(alto, (filas[-1] + 1) * k + MARGEN_RECORTE)
    if (x1 - x0) * (y1 - y0) > 0.9 * ancho * alto:
        return pagina
    matriz = np.array([[1.0, 0.0, -x0], [0.0, 1.0, -y0], [0.0, 0.0, 1.0]])
    return _con(pagina, np.ascontiguousarray(imagen[y0:y1, x0:x1]), matriz)


def girar(pagina: PaginaPreparada, giro: int) -> PaginaPreparada:
    """Turn by a multiple of 90 degrees counter-clockwise (exact, no resampling)."""
    giro %= 360
    return _girar_recto(pagina, giro) if giro else pagina


def enderezar(pagina: PaginaPreparada) -> tuple[PaginaPreparada, bool]:
    """Straighten small skew, apply the pending scale, crop the margins. Also returns whether the lines
    look vertical (then only OSD can tell the page's orientation)."""
    angulo, vertical = medir(pagina.imagen)
    return recortar(transformar(pagina, 0.0 if vertical else angulo)), vertical


def orientacion(pagina: PaginaPreparada, timeout: int) -> int | None:
    """Degrees counter-clockwise that make the page upright, by Tesseract OSD; None when
    OSD cannot tell."""
    imagen = Image.fromarray(pagina.imagen)
    imagen.format = "PPM"  # uncompressed temporary file
    try:
        osd = pytesseract.image_to_osd(
            imagen,
            config="--psm 0 -c min_characters_to_try=10",
            output_type=pytesseract.Output.DICT,
            timeout=timeout,
        )
    except (pytesseract.TesseractError, RuntimeError):
        return None  # too little text to tell, or too slow: keep the page as it is
    if float(osd.get("orientation_conf", 0)) < 1.0:
        return None
    # OSD's "rotate" is the clockwise turn that corrects the page.
    return (360 - int(osd["rotate"])) % 360
