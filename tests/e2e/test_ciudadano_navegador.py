"""The citizen's side in real headless Chromium: the online form sent with a double click
gives one folio; the status page and the form fit a 390 px phone (axe-checked)."""

import pytest

from cms.demo_contenido import cargar_ajustes, cargar_paginas
from cms.models import TramitePage
from documentos.models import Escrito
from documentos.selectors import formatear_codigo
from documentos.services.recepcion import recibir_escrito
from tests.factories import datos_recepcion

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

ASUNTO_LARGO = (
    "Solicito la revisión del expediente "
    + "https://ejemplo.gob.mx/expedientes/2026/obras-publicas/"
    + "x" * 300
    + " "
    + "palabra " * 200
).strip()


@pytest.fixture
def portal(db):
    cargar_ajustes()
    return cargar_paginas()


def test_doble_clic_en_enviar_da_un_solo_folio(live_server, portal, pagina, axe, captura):
    pagina.goto(live_server.url + "/oficialia/enviar/")
    pagina.get_by_label("Nombre completo o razón social").fill("Rosa Martínez Gil")
    pagina.get_by_label("Asunto").fill("Luminaria apagada en la calle Pino")
    axe(pagina)
    pagina.get_by_role("button", name="Enviar escrito").dblclick()
    pagina.wait_for_url("**/oficialia/enviado/")
    pagina.locator(".acuse__folio").wait_for()
    assert Escrito.objects.count() == 1
    escrito = Escrito.objects.get()
    assert pagina.locator(".acuse__folio").inner_text() == escrito.folio
    assert "Recepción en línea" in pagina.locator(".acuse").inner_text()
    axe(pagina)
    captura(pagina, "e2e-ciudadano-enviado")


def test_consulta_y_formulario_en_telefono(live_server, portal, movil, axe, captura):
    escrito = recibir_escrito(
        datos_recepcion(asunto=ASUNTO_LARGO, canal=Escrito.Canal.EN_LINEA), usuario=None
    )
    movil.goto(live_server.url + "/oficialia/consulta/")
    movil.get_by_label("Folio").fill(escrito.folio)
    movil.get_by_label("Código de acceso").fill(formatear_codigo(escrito.codigo_acceso))
    movil.get_by_role("button", name="Consultar").click()
    movil.wait_for_url(f"**/oficialia/consulta/{escrito.folio}/")
    movil.locator(".estado").wait_for()
    assert movil.evaluate("document.documentElement.scrollWidth") <= 390
    axe(movil)
    captura(movil, "e2e-ciudadano-consulta-movil")

    tramite = TramitePage.objects.live().filter(url_en_linea="/oficialia/enviar/").first()
    movil.goto(live_server.url + tramite.url)
    movil.get_by_role("link", name="Hacer el trámite en línea").click()
    movil.wait_for_url("**/oficialia/enviar/?tramite=*")
    assert tramite.title in movil.locator(".tramite-elegido").inner_text()
    assert movil.evaluate("document.documentElement.scrollWidth") <= 390
    axe(movil)
    captura(movil, "e2e-ciudadano-formulario-movil")

    movil.goto(live_server.url + "/transparencia/plan/")
    movil.locator("h1").wait_for()
    assert movil.evaluate("document.documentElement.scrollWidth") <= 390
    captura(movil, "e2e-ciudadano-plan-movil")
