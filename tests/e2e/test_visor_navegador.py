"""The escrito page's viewer in real headless Chromium: from an archivist search hit to
page 2 with the words highlighted, a page turn in place (no reload), axe, phone layout."""

import re

import pytest
from playwright.sync_api import expect

from busqueda import services
from cms import roles
from documentos.services import flujo
from ocr.models import PaginaOCR, ResultadoOCR
from tests.e2e.sesion import entrar
from tests.factories import AreaFactory, UsuarioFactory, pdf_bytes, subida

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def leido(db, settings):
    """A 3-page scanned escrito whose OCR found «Solicitud» at the top of every page."""
    from documentos.services.recepcion import recibir_escrito
    from tests.factories import datos_recepcion

    settings.ELASTICSEARCH_URL = None
    oficialia = UsuarioFactory(username="ventanilla.visor", roles=[roles.OFICIALIA])
    escrito = recibir_escrito(
        datos_recepcion(archivos=[subida("escaneo.pdf", pdf_bytes(paginas=3))]),
        usuario=oficialia,
        ip="10.0.0.7",
    )
    flujo.turnar(escrito, AreaFactory(nombre="Obras", siglas="OB"), usuario=oficialia)
    archivo = escrito.archivos.get()
    resultado, _ = ResultadoOCR.objects.update_or_create(
        archivo=archivo, defaults={"estado": ResultadoOCR.Estado.TERMINADO, "paginas_total": 3}
    )
    resultado.paginas.all().delete()
    for n in range(1, 4):
        PaginaOCR.objects.create(
            resultado=resultado,
            numero=n,
            texto=f"Solicitud de prueba {n}",
            confianza=91.5,
            palabras=[["Solicitud", 90, 18, 16, 60, 18], ["prueba", 90, 100, 16, 40, 18]],
            ancho=400,
            alto=300,
        )
    services.reconstruir()
    return escrito


def test_from_a_search_hit_to_the_highlighted_page_and_a_page_turn_in_place(
    live_server, leido, pagina, movil, axe, captura
):
    archivista = UsuarioFactory(username="archivista.visor", roles=[roles.ARCHIVO])
    entrar(pagina, live_server, archivista)
    pagina.goto(live_server.url + "/admin/busqueda/?q=solicitudes")
    pagina.get_by_role("link", name="Página 2", exact=True).click()
    pagina.wait_for_url(re.compile(r"pagina=2&q=solicitudes#visor-section$"))
    visor = pagina.locator("#visor-section")
    expect(visor.locator("[data-visor-titulo]")).to_contain_text("Página 2 de 3")
    expect(visor.locator("rect.folio-marca")).to_have_count(1)
    expect(visor).to_contain_text("1 palabra de «solicitudes» resaltada en esta página")
    expect(visor.locator("img")).to_have_js_property("complete", True)
    captura(pagina, "visor-pagina-2")

    pagina.evaluate("window.sinRecargar = 'sigue aquí'")
    visor.get_by_role("link", name="Siguiente").click()
    expect(visor.locator("[data-visor-titulo]")).to_contain_text("Página 3 de 3")
    assert pagina.evaluate("window.sinRecargar") == "sigue aquí"  # no reload
    assert "pagina=3" in pagina.url and "q=solicitudes" in pagina.url
    expect(visor.locator("rect.folio-marca")).to_have_count(1)
    expect(visor.locator("[data-visor-titulo]")).to_be_focused()
    visor.get_by_role("link", name="Acercar").click()
    expect(visor.locator(".folio-visor__lienzo--150")).to_have_count(1)
    assert pagina.evaluate("window.sinRecargar") == "sigue aquí"
    pagina.go_back()
    expect(visor.locator(".folio-visor__lienzo--100")).to_have_count(1)
    axe(pagina)
    captura(pagina, "visor-pagina-3")

    entrar(movil, live_server, archivista)
    movil.goto(pagina.url)
    expect(movil.locator("rect.folio-marca")).to_have_count(1)
    axe(movil)
    caja = movil.locator("#visor-section img").bounding_box()
    assert caja["x"] >= 0 and caja["x"] + caja["width"] <= 390  # the page fits the phone
    captura(movil, "visor-movil")
