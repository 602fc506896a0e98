"""The reviewer's "Vista pública" of one page (FuenteOCR.vista_previa): the page as the public
copy will show it, burned by the same step as the approval, on files read by the real OCR;
and the loader's single page it is made from."""

import io

import numpy as np
import pytest
from PIL import Image

from documentos.testado.fuente import NoSePuedeTestar, fuente
from documentos.testado.tipos import Caja, CajaTestar, Categoria
from ocr.pipeline.cargar import cargar
from tests.factories import cajas_de, pdf_bytes, tiff_bytes

from .conftest import estropear, tapada
from .imagenes import como_bytes, pagina

pytestmark = pytest.mark.django_db

NOMBRE = "Hermenegildo Zubiria Quintanar"


def _png(contenido: bytes) -> Image.Image:
    assert contenido[:8] == b"\x89PNG\r\n\x1a\n"
    imagen = Image.open(io.BytesIO(contenido))
    imagen.load()
    return imagen


def _recorte(imagen: Image.Image, caja: Caja) -> np.ndarray:
    gris = np.asarray(imagen.convert("L"))
    return gris[caja.y : caja.y + caja.alto, caja.x : caja.x + caja.ancho]


def _marco_negro(recorte: np.ndarray) -> bool:
    """Whether the ring one pixel inside the box is black (resampling blurs the edge)."""
    dentro = recorte[1:-1, 1:-1]
    anillo = np.concatenate([dentro[0], dentro[-1], dentro[:, 0], dentro[:, -1]])
    return bool((anillo < 80).all())


def _escalada(caja: Caja, factor: float) -> Caja:
    x0, y0 = round(caja.x * factor), round(caja.y * factor)
    x1, y1 = round((caja.x + caja.ancho) * factor), round((caja.y + caja.alto) * factor)
    return Caja(x0, y0, x1 - x0, y1 - y0)


@pytest.fixture
def leida(leer_escrito):
    """The first page of a scanned request read by the real OCR, and its file."""
    escrito = leer_escrito()
    archivo = escrito.archivos.order_by("orden", "pk").first()
    return archivo, fuente().paginas_leidas([archivo.pk])[archivo.pk][0]


@pytest.mark.tesseract
def test_the_preview_is_the_page_with_the_boxes_burned(leida):
    archivo, pagina_leida = leida
    nombre = cajas_de(pagina_leida, NOMBRE)
    assert len(nombre) == 2
    cajas = [CajaTestar(archivo.pk, 1, caja, Categoria.NOMBRE) for caja in nombre]
    imagen = _png(fuente().vista_previa(archivo.pk, 1, cajas))
    assert imagen.size == (pagina_leida.ancho, pagina_leida.alto)
    for caja in nombre:
        assert tapada(imagen, caja)
    # Words not covered stay as they were: ink on white paper.
    [parque] = cajas_de(pagina_leida, "parque Morelos")
    recorte = _recorte(imagen, parque)
    assert 0.5 < (recorte > 200).mean() < 0.97
    assert not tapada(_png(fuente().vista_previa(archivo.pk, 1, [])), nombre[0])


@pytest.mark.tesseract
def test_the_preview_is_scaled_down_to_the_width_asked(leida):
    archivo, pagina_leida = leida
    nombre = cajas_de(pagina_leida, NOMBRE)
    cajas = [CajaTestar(archivo.pk, 1, caja, Categoria.NOMBRE) for caja in nombre]
    factor = 850 / pagina_leida.ancho
    imagen = _png(fuente().vista_previa(archivo.pk, 1, cajas, ancho_max=850))
    original = _png(fuente().vista_previa(archivo.pk, 1, [], ancho_max=850))
    assert imagen.size == original.size == (850, round(pagina_leida.alto * factor))
    for caja in nombre:
        zona = _escalada(caja, factor)
        assert _marco_negro(_recorte(imagen, zona)) and not _marco_negro(_recorte(original, zona))
    grande = _png(fuente().vista_previa(archivo.pk, 1, [], ancho_max=5000))
    assert grande.size == (pagina_leida.ancho, pagina_leida.alto)  # never scaled up


@pytest.mark.tesseract
def test_a_box_off_the_page_or_a_file_changed_since_it_was_read_is_refused(leida):
    archivo, pagina_leida = leida
    fuera = CajaTestar(archivo.pk, 1, Caja(pagina_leida.ancho + 10, 0, 50, 50), Categoria.FIRMA)
    with pytest.raises(NoSePuedeTestar, match="fuera de la página"):
        fuente().vista_previa(archivo.pk, 1, [fuera])
    with pytest.raises(NoSePuedeTestar, match="página 2"):
        fuente().vista_previa(archivo.pk, 2, [])
    estropear(archivo, como_bytes(pagina(["Otra cosa"])))
    with pytest.raises(NoSePuedeTestar, match="no coincide con su huella"):
        fuente().vista_previa(archivo.pk, 1, [])


@pytest.mark.parametrize(
    ("contenido", "mime"),
    [
        (pdf_bytes(paginas=3), "application/pdf"),
        (tiff_bytes([(300, 200), (320, 210), (340, 220)]), "image/tiff"),
    ],
)
def test_the_loader_gives_one_page_alone_as_it_gives_it_among_the_others(contenido, mime):
    todas = list(cargar(contenido, mime, rasterizar=True))
    [sola] = list(cargar(contenido, mime, rasterizar=True, pagina=2))
    assert sola.numero == 2 and (sola.ancho, sola.alto, sola.dpi) == (
        todas[1].ancho,
        todas[1].alto,
        todas[1].dpi,
    )
    assert np.array_equal(np.asarray(sola.imagen), np.asarray(todas[1].imagen))
    assert list(cargar(contenido, mime, rasterizar=True, pagina=4)) == []
