"""Step pagina: the sheet of a phone photo is found and flattened; scans are left alone."""

import cv2
import numpy as np
import pytest
from PIL import Image

from ocr.pipeline import Ajustes, procesar
from ocr.pipeline.pagina import aplanar_hoja, esquinas

from .imagenes import LINEAS, como_bytes, hoja, pagina


def fotografiar(imagen: Image.Image, destino, giro=0, lienzo=(1900, 2300), semilla=5):
    """The page warped onto a dark, striped, speckled table (a phone photo)."""
    a = np.asarray(imagen.convert("L"))
    alto, ancho = a.shape
    rng = np.random.default_rng(semilla)
    yy, xx = np.mgrid[0 : lienzo[1], 0 : lienzo[0]]
    mesa = 60 + 30 * np.sin(xx / 23.0) + rng.normal(0, 12, yy.shape)
    mesa[1500:1700, 1660:1880] = 200  # a bright object on the table, near the sheet
    origen = np.float32([[0, 0], [ancho, 0], [ancho, alto], [0, alto]])
    matriz = cv2.getPerspectiveTransform(origen, np.float32(destino))
    plana = cv2.warpPerspective(a, matriz, lienzo, borderValue=0)
    dentro = cv2.warpPerspective(np.full_like(a, 255), matriz, lienzo)
    foto = np.where(dentro > 127, plana * 0.9, mesa)
    sombra = 1 - 0.3 * (xx / lienzo[0])
    return Image.fromarray(np.clip(foto * sombra, 0, 255).astype(np.uint8))


ESQUINAS = [[420, 180], [1650, 330], [1520, 2050], [250, 1900]]  # ~10 degrees, perspective


def test_the_sheet_of_a_photo_is_found_within_a_few_pixels():
    foto = fotografiar(hoja(150), ESQUINAS)
    encontradas = esquinas(np.asarray(foto))
    assert encontradas is not None
    assert np.abs(encontradas - np.float32(ESQUINAS)).max() < 20  # ~1 % of the photo


def test_the_flattened_sheet_is_an_upright_letter_page_at_300_dpi():
    plana = aplanar_hoja(np.asarray(fotografiar(hoja(150), ESQUINAS)))
    alto, ancho = plana.imagen.shape
    # ESQUINAS are not an exact letter in perspective; the sides give about its shape.
    assert abs(alto - 3300) <= 2 and abs(ancho / alto - 8.5 / 11) < 0.06
    assert plana.dpi == pytest.approx(300, abs=1)
    # The table is gone: the border of the result is paper.
    assert np.median(plana.imagen[:20]) > 150 and np.median(plana.imagen[:, -20:]) > 150


@pytest.mark.parametrize("imagen", [hoja(300), pagina()], ids=["letter", "strip"])
def test_a_flat_scan_is_left_alone(imagen):
    assert esquinas(np.asarray(imagen)) is None


@pytest.mark.tesseract
@pytest.mark.parametrize("giro", [0, 90])
def test_a_photographed_page_is_read(giro, texto_plano):
    imagen = pagina(ancho=1700, alto=2200, tamano=44)
    esquinas_foto = ESQUINAS if not giro else ESQUINAS[1:] + ESQUINAS[:1]
    foto = como_bytes(fotografiar(imagen, esquinas_foto), "JPEG", quality=85)
    [leida] = procesar(foto, "image/jpeg", Ajustes(diccionario=""))
    esperado = texto_plano(" ".join(LINEAS[:3]))  # (the model may accent "Maria")
    assert esperado in texto_plano(leida.texto)
    assert "hoja" in leida.tiempos
    [sin_hoja] = procesar(foto, "image/jpeg", Ajustes(diccionario="", buscar_hoja=False))
    assert esperado not in texto_plano(sin_hoja.texto)
