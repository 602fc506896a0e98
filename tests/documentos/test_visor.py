"""The escrito page's viewer: the "Ver" anchor, the staff fragment endpoint that turns
pages and zooms in place, and the search words highlighted on the page image."""

import pytest
from django.urls import reverse

from documentos import resaltado
from documentos.services import flujo
from ocr.models import PaginaOCR, ResultadoOCR
from tests.factories import imagen_bytes, pdf_bytes, subida

pytestmark = pytest.mark.django_db

PALABRAS = [
    ["Licencia", 95, 10, 20, 120, 30],
    ["de", 96, 140, 20, 30, 30],
    ["CONSTRUCCIÓN,", 91, 180, 20, 200, 30],
    ["escuelas", 90, 10, 70, 110, 30],
]


@pytest.fixture
def escrito(recibir, oficialia, obras):
    escrito = recibir(
        archivos=[subida("escaneo.pdf", pdf_bytes(paginas=2)), subida("anexo.png", imagen_bytes())]
    )
    flujo.turnar(escrito, obras, usuario=oficialia, instruccion="Revisar")
    pdf = escrito.archivos.get(nombre_original="escaneo.pdf")
    resultado, _ = ResultadoOCR.objects.update_or_create(
        archivo=pdf, defaults={"estado": ResultadoOCR.Estado.TERMINADO, "paginas_total": 2}
    )
    resultado.paginas.all().delete()
    PaginaOCR.objects.create(
        resultado=resultado, numero=1, texto="Primera", palabras=[], ancho=1000, alto=1400
    )
    PaginaOCR.objects.create(
        resultado=resultado,
        numero=2,
        texto="Licencia de CONSTRUCCIÓN, escuelas",
        palabras=PALABRAS,
        ancho=1000,
        alto=1400,
    )
    return escrito


def _fragmento(escrito, **params):
    return reverse("documentos_admin:visor", args=[escrito.pk]), params


def test_the_ver_link_points_at_the_panel_wagtail_renders(como, titular_obras, escrito):
    cliente = como(titular_obras)
    url = reverse("documentos_admin:escrito", args=[escrito.pk])
    assert "pagina=1#visor-section" in cliente.get(url).content.decode()
    html = cliente.get(url, {"pagina": 1}).content.decode()
    assert 'id="visor-section"' in html
    assert "documentos/visor.js" in html and "data-visor-ir" in html


def test_the_fragment_is_the_viewer_page_only(como, titular_obras, escrito):
    url, params = _fragmento(escrito, pagina=2, zoom=150)
    respuesta = como(titular_obras).get(url, params)
    html = respuesta.content.decode()
    assert respuesta.status_code == 200 and "no-store" in respuesta["Cache-Control"]
    assert "Página 2 de 3" in html and "<html" not in html and "visor-section" in html
    assert "folio-visor__lienzo--150" in html
    assert "pagina=3&amp;zoom=150#visor-section" in html  # Siguiente keeps the zoom
    assert "pagina=2&amp;zoom=200#visor-section" in html  # Acercar


def test_the_fragment_is_for_staff_who_may_see_the_escrito(client, como, staff_finanzas, escrito):
    url, params = _fragmento(escrito, pagina=1)
    assert client.get(url, params).status_code == 302  # to the admin login
    assert como(staff_finanzas).get(url, params).status_code == 404


@pytest.mark.parametrize(
    ("pagina", "mensaje"),
    [
        ("9", "No existe la página 9: elija una entre 1 y 3."),
        ("0", "No existe la página 0: elija una entre 1 y 3."),
        ("dos", "«dos» no es un número de página: escríbalo con cifras, por ejemplo 2."),
    ],
)
def test_a_page_out_of_bounds_or_not_a_number_gets_a_spanish_message(
    como, titular_obras, escrito, pagina, mensaje
):
    cliente = como(titular_obras)
    url, params = _fragmento(escrito, pagina=pagina)
    respuesta = cliente.get(url, params)
    assert respuesta.status_code == 400 and respuesta.content.decode() == mensaje
    # without JavaScript the page shows the message beside the nearest page
    pagina_completa = reverse("documentos_admin:escrito", args=[escrito.pk])
    html = cliente.get(pagina_completa, {"pagina": pagina}).content.decode()
    assert mensaje.replace("«", "&laquo;").replace("»", "&raquo;") in html or mensaje in html


def test_an_accentless_query_highlights_the_accented_word_and_stems(como, titular_obras, escrito):
    pdf = escrito.archivos.get(nombre_original="escaneo.pdf")
    url, params = _fragmento(escrito, archivo=pdf.pk, pagina=2, q="construccion escuela")
    html = como(titular_obras).get(url, params).content.decode()
    assert 'viewBox="0 0 1000 1400"' in html
    assert '<rect class="folio-marca" x="180" y="20" width="200" height="30">' in html
    assert '<rect class="folio-marca" x="10" y="70" width="110" height="30">' in html
    assert html.count('class="folio-marca"') == 2  # "Licencia" and "de" are not marked
    assert "2 palabras de «construccion escuela» resaltadas en esta página" in html
    assert "pagina=2#visor-section" in html  # Quitar el resaltado


def test_a_query_that_matches_nothing_on_the_page_draws_no_overlay(como, titular_obras, escrito):
    url, params = _fragmento(escrito, pagina=2, q="agua -construccion")
    html = como(titular_obras).get(url, params).content.decode()
    assert "data-visor-marcas" not in html
    assert "0 palabras de" in html


def test_without_a_registered_matcher_nothing_is_highlighted(monkeypatch):
    monkeypatch.setattr(resaltado, "_comparador", None)
    assert resaltado.marcas(PALABRAS, "construccion") == []
