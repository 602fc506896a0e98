"""Step 2, normalise: gray, flat lighting, full contrast; decide the ~300 dpi scale.

Cheap on purpose (OpenCV/numpy, no per-pixel Python): the whole pipeline must cost
little more than Tesseract itself.
"""

import cv2
import numpy as np
from PIL import Image

from .pagina import Hoja
from .tipos import Pagina, PaginaPreparada

DPI_OBJETIVO = 300
DPI_MINIMO = 250  # below this, upsample to DPI_OBJETIVO
ESCALA_MAXIMA = 3.0
MAX_PIXELES = 60_000_000  # no page is upsampled (or a PDF rendered) beyond this
LADO_LARGO_PULGADAS = 11.0  # letter/oficio/A4 scans without a dpi tag: estimate from size
REDUCCION_FONDO = 8  # the background is estimated on a 1/8 image
TINTA_PERCENTIL = 0.5  # this darkest share of pixels becomes black

cv2.setNumThreads(1)  # one worker per core; OpenCV must not fight Tesseract for cores


def a_gris(imagen: Image.Image) -> np.ndarray:
    if imagen.mode in ("RGBA", "LA", "PA") or (
        imagen.mode == "P" and "transparency" in imagen.info
    ):
        fondo = Image.new("RGBA", imagen.size, (255, 255, 255, 255))
        fondo.alpha_composite(imagen.convert("RGBA"))
        imagen = fondo
    if imagen.mode in ("I;16", "I;16B", "I;16L", "I", "F"):
        arreglo = np.asarray(imagen, dtype=np.float32)
        alto = float(arreglo.max()) or 1.0
        return (arreglo * (255.0 / alto)).astype(np.uint8)
    return np.asarray(imagen.convert("L"))


def dpi_estimado(pagina: Pagina) -> float:
    if pagina.dpi:
        return pagina.dpi
    return max(pagina.ancho, pagina.alto) / LADO_LARGO_PULGADAS


def fondo(gris: np.ndarray) -> np.ndarray:
    """The paper without ink: max filter (ink is dark) and blur on a reduced copy."""
    alto, ancho = gris.shape
    k = REDUCCION_FONDO if min(alto, ancho) >= 32 * REDUCCION_FONDO else 1
    pequena = cv2.resize(
        gris, (max(1, ancho // k), max(1, alto // k)), interpolation=cv2.INTER_AREA
    )
    lado = 5 if k > 1 else 41
    pequena = cv2.dilate(pequena, np.ones((lado, lado), np.uint8))
    pequena = cv2.GaussianBlur(pequena, (0, 0), 6 if k > 1 else 24)
    return cv2.resize(pequena, (ancho, alto), interpolation=cv2.INTER_LINEAR)


def aplanar(gris: np.ndarray) -> np.ndarray:
    """Remove speckle noise (3x3 median), divide by the background so uneven light
    becomes white paper, then stretch the ink to black."""
    gris = cv2.medianBlur(gris, 3)
    plano = cv2.divide(gris, np.maximum(fondo(gris), 1), scale=255)
    muestra = plano[::5, ::5]
    tinta = min(float(np.percentile(muestra, TINTA_PERCENTIL)), 150.0)
    valores = (np.arange(256, dtype=np.float32) - tinta) * (255.0 / (255.0 - tinta))
    return cv2.LUT(plano, np.clip(valores, 0, 255).astype(np.uint8))


def normalizar(pagina: Pagina, hoja: Hoja | None = None) -> PaginaPreparada:
    """`hoja`: the sheet found in a photo (pagina.aplanar_hoja), read instead of the image."""
    if hoja is not None:
        gris, dpi = aplanar(hoja.imagen), hoja.dpi
        matriz = hoja.matriz
    else:
        gris, dpi = aplanar(a_gris(pagina.imagen)), dpi_estimado(pagina)
        matriz = np.diag([gris.shape[1] / pagina.ancho, gris.shape[0] / pagina.alto, 1.0])
    escala = min(DPI_OBJETIVO / dpi, ESCALA_MAXIMA) if dpi < DPI_MINIMO else 1.0
    escala = min(escala, (MAX_PIXELES / max(gris.size, 1)) ** 0.5)
    if escala < 1.05:  # not worth a resampling
        escala = 1.0
    return PaginaPreparada(
        numero=pagina.numero,
        imagen=gris,
        matriz=matriz,
        ancho=pagina.ancho,
        alto=pagina.alto,
        escala=escala,
    )
