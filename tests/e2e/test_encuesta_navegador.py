"""The satisfaction survey on a phone, in real headless Chromium, with axe."""

import pytest

from atencion import services
from atencion.models import RespuestaEncuesta, Sede, Servicio, Ventanilla
from tests.factories import UsuarioFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_survey_on_a_phone(live_server, movil, axe, captura):
    sede = Sede.objects.create(nombre="Oficialía de Partes Centro", slug="centro")
    predial = Servicio.objects.create(sede=sede, nombre="Pago de predial", prefijo="A")
    ventanilla = Ventanilla.objects.create(sede=sede, numero=1)
    ventanilla.servicios.set([predial])
    services.tomar_ficha(predial)
    ficha = services.llamar_siguiente(ventanilla, usuario=UsuarioFactory(username="cajera"))
    ficha = services.terminar(services.iniciar_atencion(ficha))

    movil.goto(f"{live_server.url}/encuesta/turno/{ficha.token}/")
    assert movil.locator("h1").inner_text() == "Encuesta de satisfacción"
    # Nothing wider than the phone's screen.
    assert movil.evaluate("document.documentElement.scrollWidth") <= 390
    axe(movil)
    captura(movil, "e2e-encuesta-movil")

    movil.get_by_role("group", name="En general").get_by_label("4", exact=True).check()
    movil.get_by_role("group", name="¿Se resolvió su asunto?").get_by_label("Sí").check()
    movil.get_by_role("group", name="¿Alguien le pidió dinero").get_by_label("No").check()
    movil.get_by_role("button", name="Enviar mis respuestas").click()
    assert "Gracias por responder" in movil.locator("main").inner_text()
    axe(movil)
    captura(movil, "e2e-encuesta-gracias")
    assert RespuestaEncuesta.objects.get().satisfaccion == 4
