"""Step 1c, seals: on a colour scan, blue/red/violet ink (a "RECIBIDO" stamp, a signature in
blue pen) is turned into paper before reading, black text (under it too) kept.

The gray of a strongly coloured pixel is its brightest channel, not its luminance: coloured
ink is bright in one channel, black ink in none."""

import cv2
import numpy as np
from PIL import Image

SATURACION_MINIMA = 90  # 0-255 (OpenCV HSV): below this a pixel is gray/black ink or paper
COLOREADOS_MINIMOS = 0.002  # share of coloured pixels for the step to act


def gris_sin_sellos(imagen: Image.Image) -> np.ndarray | None:
    """The page in gray with coloured ink removed, or None when there is none (a gray
    page, or a colour page without coloured ink: the usual luminance is used)."""
    if imagen.mode not in ("RGB", "RGBA", "P"):
        return None
    rgb = np.asarray(imagen.convert("RGB"))
    if _coloreado(np.ascontiguousarray(rgb[::4, ::4])).mean() < COLOREADOS_MINIMOS:
        return None  # decided on a sample: a colour scan of black text costs little
    gris = cv2.cvtColor(rgb, cv2.COLOR_RGB2GRAY)
    return np.where(_coloreado(rgb), rgb.max(axis=2), gris)


def _coloreado(rgb: np.ndarray) -> np.ndarray:
    hsv = cv2.cvtColor(rgb, cv2.COLOR_RGB2HSV)
    tono, saturacion = hsv[..., 0], hsv[..., 1]
    # Blue to violet to red (OpenCV hue 0-179): 100-179 and 0-10. Green/yellow highlights stay.
    return (saturacion >= SATURACION_MINIMA) & ((tono >= 100) | (tono <= 10))
