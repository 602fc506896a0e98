"""Step sello: coloured ink over the text becomes paper; black text, under it too, stays."""

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from ocr.pipeline import Ajustes, procesar
from ocr.pipeline.sello import gris_sin_sellos

from .imagenes import LINEAS, como_bytes, pagina


def sellada(color=(30, 60, 200)) -> Image.Image:
    """The test page with a thick coloured "RECIBIDO" box stamped (multiplied) over its text."""
    texto = np.asarray(pagina().convert("RGB"), np.float32)
    capa = Image.new("L", (texto.shape[1], texto.shape[0]), 0)
    d = ImageDraw.Draw(capa)
    d.rectangle((300, 60, 1100, 330), outline=255, width=14)
    d.text((360, 120), "RECIBIDO", fill=255, font=ImageFont.load_default(size=130))
    m = np.asarray(capa, np.float32)[..., None] / 255 * 0.85
    mezcla = texto * (1 - m) + texto / 255 * np.float32(color) * m
    return Image.fromarray(mezcla.astype(np.uint8))


@pytest.mark.parametrize("color", [(30, 60, 200), (200, 30, 40), (120, 40, 170)])
def test_a_coloured_seal_becomes_paper_and_the_text_stays(color):
    limpia = np.asarray(pagina())
    gris = gris_sin_sellos(sellada(color))
    assert gris is not None
    texto = limpia < 100
    sello = (np.asarray(sellada(color).convert("L")) < 200) & ~texto
    assert sello.sum() > 5000  # the stamp was there
    assert np.median(gris[sello]) > 165  # and is now light
    assert np.median(gris[texto]) < 60  # text pixels, under the seal too, stay dark


def test_a_gray_or_uncoloured_page_is_left_to_the_usual_path():
    assert gris_sin_sellos(pagina()) is None
    assert gris_sin_sellos(pagina().convert("RGB")) is None


@pytest.mark.tesseract
def test_a_sealed_page_is_read_without_the_seal(texto_plano):
    archivo = como_bytes(sellada())
    [leida] = procesar(archivo, "image/png", Ajustes(diccionario=""))
    esperado = texto_plano(" ".join(LINEAS[:3]))
    assert esperado in texto_plano(leida.texto)
    assert "RECIBIDO" not in leida.texto
    assert "sellos" in leida.tiempos
