"""Step 1b, the sheet: find the paper in a phone photo (a bright quadrilateral on a darker
or busy background) and warp it to a flat upright-ish rectangle at ~300 dpi.

Cheap and a no-op on flat scans: the search runs on a ~600 px copy, and a page whose
paper reaches the image's borders (a scan) is left as it is."""

from dataclasses import dataclass

import cv2
import numpy as np

LADO_BUSQUEDA = 600  # the sheet is searched on a copy this long
AREA_MINIMA = 0.2  # share of the photo the sheet must cover
AREA_MAXIMA = 0.93  # above this the sheet fills the image: a scan
CONTRASTE_MINIMO = 25  # gray levels between the sheet and what surrounds it
DPI_SALIDA = 300
PARECIDO_LADOS = 0.8  # shortest / longest of two opposite sides
ESCALA_MAXIMA = 3.0


@dataclass
class Hoja:
    """The flattened sheet: gray pixels, the 3x3 homography from the original image's
    pixels to them, and the dpi they have."""

    imagen: np.ndarray
    matriz: np.ndarray
    dpi: float
    esquinas: np.ndarray  # tl, tr, br, bl in original pixels


def _ordenar(puntos: np.ndarray) -> np.ndarray:
    """tl, tr, br, bl, by angle around the centre, starting at the top-left-most."""
    centro = puntos.mean(axis=0)
    angulos = np.arctan2(puntos[:, 1] - centro[1], puntos[:, 0] - centro[0])
    puntos = puntos[np.argsort(angulos)]  # clockwise in image coordinates
    inicio = int(np.argmin(puntos.sum(axis=1)))
    return np.roll(puntos, -inicio, axis=0)


def _cuadrilatero(contorno: np.ndarray) -> np.ndarray | None:
    casco = cv2.convexHull(contorno)
    perimetro = cv2.arcLength(casco, True)
    for eps in (0.01, 0.02, 0.03, 0.05, 0.08):
        aprox = cv2.approxPolyDP(casco, eps * perimetro, True)
        if len(aprox) == 4:
            return aprox.reshape(4, 2).astype(np.float32)
        if len(aprox) < 4:
            break
    return cv2.boxPoints(cv2.minAreaRect(casco)).astype(np.float32)


def _parece_hoja(cuad: np.ndarray) -> bool:
    """A sheet seen in a photo has opposite sides alike (a shading gradient or a darkened
    paper edge cut by the threshold gives a wedge). Its corners may lie off the photo."""
    lados = [np.linalg.norm(cuad[i] - cuad[(i + 1) % 4]) for i in range(4)]
    return all(
        min(lados[i], lados[i + 2]) > PARECIDO_LADOS * max(lados[i], lados[i + 2]) for i in (0, 1)
    )


def esquinas(gris: np.ndarray) -> np.ndarray | None:
    """The sheet's four corners (tl, tr, br, bl, original pixels), or None for a scan."""
    alto, ancho = gris.shape
    k = max(alto, ancho) / LADO_BUSQUEDA
    pequena = cv2.resize(gris, (round(ancho / k), round(alto / k)), interpolation=cv2.INTER_AREA)
    borde = np.concatenate(
        [pequena[:4].ravel(), pequena[-4:].ravel(), pequena[:, :4].ravel(), pequena[:, -4:].ravel()]
    )
    papel = float(np.percentile(pequena, 90))
    if np.median(borde) > papel - CONTRASTE_MINIMO and borde.std() < 25:
        return None  # paper all the way to the border: a scan (the cheap, common case)
    suave = cv2.GaussianBlur(pequena, (0, 0), 2)
    _t, mascara = cv2.threshold(suave, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    # Text holes closed, thin bright background bits opened away.
    mascara = cv2.morphologyEx(mascara, cv2.MORPH_CLOSE, np.ones((15, 15), np.uint8))
    mascara = cv2.morphologyEx(mascara, cv2.MORPH_OPEN, np.ones((9, 9), np.uint8))
    contornos, _j = cv2.findContours(mascara, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
    if not contornos:
        return None
    mayor = max(contornos, key=cv2.contourArea)
    area = cv2.contourArea(mayor) / mascara.size
    if not AREA_MINIMA <= area <= AREA_MAXIMA:
        return None
    cuad = _cuadrilatero(mayor)
    if cuad is None or cv2.contourArea(cuad) / mascara.size < AREA_MINIMA:
        return None
    alto_p, ancho_p = mascara.shape
    marco = np.float32([[0, 0], [ancho_p, 0], [ancho_p, alto_p], [0, alto_p]])
    cerca = np.linalg.norm(_ordenar(cuad) - marco, axis=1) < 0.08 * max(alto_p, ancho_p)
    if cerca.sum() >= 3:
        return None  # the paper's own edge darkened (a photocopy): nothing to flatten
    if not _parece_hoja(_ordenar(cuad)):
        return None
    dentro = np.zeros_like(mascara)
    cv2.fillConvexPoly(dentro, cuad.astype(np.int32), 255)
    if np.median(pequena[dentro > 0]) - np.median(pequena[dentro == 0]) < CONTRASTE_MINIMO:
        return None
    return _ordenar(cuad * k)


def aplanar_hoja(gris: np.ndarray) -> Hoja | None:
    """The sheet warped flat at ~300 dpi (portrait when its sides say so), or None."""
    puntos = esquinas(gris)
    if puntos is None:
        return None
    tl, tr, br, bl = puntos
    ancho = (np.linalg.norm(tr - tl) + np.linalg.norm(br - bl)) / 2
    alto = (np.linalg.norm(bl - tl) + np.linalg.norm(br - tr)) / 2
    if ancho > alto:  # landscape as found: start at another corner so the result stands up
        puntos = np.roll(puntos, 1, axis=0)
        ancho, alto = alto, ancho
    pulgadas = 13.0 if alto / max(ancho, 1) > 1.45 else 11.0  # oficio or letter/A4
    escala = min(DPI_SALIDA * pulgadas / alto, ESCALA_MAXIMA)
    w, h = round(ancho * escala), round(alto * escala)
    destino = np.array([[0, 0], [w - 1, 0], [w - 1, h - 1], [0, h - 1]], np.float32)
    matriz = cv2.getPerspectiveTransform(puntos.astype(np.float32), destino)
    plana = cv2.warpPerspective(
        gris, matriz, (w, h), flags=cv2.INTER_CUBIC, borderMode=cv2.BORDER_REPLICATE
    )
    return Hoja(plana, matriz.astype(float), h / pulgadas, puntos)
