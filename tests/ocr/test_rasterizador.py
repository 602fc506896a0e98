"""The one PDF rasteriser (ocr.pipeline.rasterizador): page sizes at each resolution, its
limits and errors, and that the OCR, the versión pública and the viewers all draw with it."""

import io

import pypdfium2
import pytest
from django.urls import reverse
from PIL import Image

from ocr.pipeline import ArchivoIlegible, cargar, rasterizador

CARTA = (612, 792)  # points: 8.5 x 11 in


def _pdf(*paginas: tuple[float, float], giro: int = 0) -> bytes:
    documento = pypdfium2.PdfDocument.new()
    for ancho, alto in paginas:
        documento.new_page(ancho, alto).set_rotation(giro)
    salida = io.BytesIO()
    documento.save(salida)
    return salida.getvalue()


def test_a_letter_page_at_300_dpi_is_2550_by_3300_pixels():
    imagen = rasterizador.pagina(_pdf(CARTA), 1)
    assert imagen.size == (2550, 3300)
    assert imagen.mode == "RGB"


def test_resolution_width_limit_and_grey_are_the_callers_choice():
    pdf = _pdf(CARTA, (842, 595))  # a letter page, then an A4 landscape one
    assert rasterizador.pagina(pdf, 1, dpi=110, gris=True).size == (935, 1210)
    assert rasterizador.pagina(pdf, 1, dpi=110, gris=True).mode == "L"
    estrecha = rasterizador.pagina(pdf, 2, dpi=180, ancho_max=1400)
    assert estrecha.size == (1400, 990)  # 842 pt at 180 dpi would be 2105 px wide


def test_a_rotated_page_is_drawn_as_a_reader_sees_it():
    assert rasterizador.pagina(_pdf(CARTA, giro=90), 1, dpi=72).size == (792, 612)


def test_a_huge_page_is_drawn_within_the_pixel_limit(monkeypatch):
    monkeypatch.setattr(rasterizador, "MAX_PIXELES", 1_000_000)
    imagen = rasterizador.pagina(_pdf((14_400, 14_400)), 1, gris=True)
    assert imagen.width * imagen.height <= 1_000_000
    assert imagen.width == imagen.height > 900


def test_a_page_the_pdf_does_not_have_is_none():
    pdf = _pdf(CARTA)
    assert rasterizador.pagina(pdf, 0) is None
    assert rasterizador.pagina(pdf, 2) is None


@pytest.mark.parametrize(
    ("contenido", "mensaje"),
    [(b"%PDF-1.7\nbasura", "El PDF está dañado y no se puede leer.")],
)
def test_an_unreadable_pdf_gets_a_spanish_reason(contenido, mensaje):
    with pytest.raises(ArchivoIlegible, match=mensaje):
        rasterizador.pagina(contenido, 1)


@pytest.fixture
def dibujos(monkeypatch):
    """Every page the rasteriser draws, as (pixels wide, grey)."""
    hechos = []
    original = rasterizador.dibujar

    def dibujar(hoja, escala, numero, *, gris=False):
        imagen = original(hoja, escala, numero, gris=gris)
        hechos.append((imagen.width, gris))
        return imagen

    monkeypatch.setattr(rasterizador, "dibujar", dibujar)
    return hechos


def test_the_ocr_draws_its_pdf_pages_with_it(dibujos):
    [pagina] = cargar(_pdf(CARTA))
    assert pagina.imagen.size == (2550, 3300)
    assert dibujos == [(2550, True)]


@pytest.mark.django_db
def test_the_staff_viewer_draws_pdf_pages_with_it(dibujos, recibir, client):
    from cms import roles
    from tests.factories import UsuarioFactory

    escrito = recibir(("carta.pdf", _pdf(CARTA, (842, 595))))
    archivo = escrito.archivos.get()
    client.force_login(UsuarioFactory(username="visor.ocr", roles=[roles.OFICIALIA]))
    url = reverse("documentos_admin:archivo_pagina", args=[escrito.pk, archivo.pk, 2])
    dibujos.clear()  # the intake's checks draw nothing, but be sure
    respuesta = client.get(url)
    assert respuesta["Content-Type"] == "image/png"
    assert Image.open(io.BytesIO(respuesta.content)).size == (1400, 990)
    assert dibujos == [(1400, False)]


@pytest.mark.django_db
def test_a_stored_image_is_shown_upright_and_narrowed(recibir, client):
    from cms import roles
    from tests.factories import UsuarioFactory

    foto = Image.new("L", (3000, 2000), 255)
    exif = Image.Exif()
    exif[0x0112] = 6  # the camera was turned: show it rotated 90°
    salida = io.BytesIO()
    foto.save(salida, "JPEG", exif=exif)
    escrito = recibir(("foto.jpg", salida.getvalue()))
    client.force_login(UsuarioFactory(username="visor.foto", roles=[roles.OFICIALIA]))
    archivo = escrito.archivos.get()
    url = reverse("documentos_admin:archivo_pagina", args=[escrito.pk, archivo.pk, 1])
    assert Image.open(io.BytesIO(client.get(url).content)).size == (1400, 2100)


@pytest.mark.parametrize("dpi", [72, 110, 150, 180, 200, 300])
def test_the_size_it_promises_is_the_size_it_draws(dpi):
    """A page's own text layer is not drawn: its word boxes use `tamano`'s pixels."""
    pdf = _pdf(CARTA, (842, 595), (595.3, 841.9))
    documento = rasterizador.abrir(pdf)
    try:
        for numero in (1, 2, 3):
            hoja = rasterizador.hoja(documento, numero)
            escala = rasterizador.escala(hoja, dpi)
            imagen = rasterizador.dibujar(hoja, escala, numero, gris=True)
            assert imagen.size == rasterizador.tamano(hoja, escala)
    finally:
        documento.close()
