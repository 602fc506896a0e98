"""The kiosk and the ticket page on a phone, in real headless Chromium."""

import re

import pytest
from playwright.sync_api import expect

from atencion import services
from atencion.models import Ficha, Sede, Servicio, Ventanilla
from tests.factories import UsuarioFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def sede(db):
    sede = Sede.objects.create(nombre="Oficialía de Partes — Palacio Municipal", slug="palacio")
    predial = Servicio.objects.create(sede=sede, nombre="Pago del impuesto predial", prefijo="B")
    Servicio.objects.create(sede=sede, nombre="Recepción de escritos", prefijo="A")
    for numero in (1, 2, 3):
        Ventanilla.objects.create(sede=sede, numero=numero).servicios.set([predial])
    return sede


def test_a_preferente_ticket_from_the_kiosk_follows_its_call(
    live_server, sede, movil, axe, captura
):
    predial = sede.servicios.get(prefijo="B")
    for _i in range(2):
        services.tomar_ficha(predial, preferente=True)
    movil.goto(f"{live_server.url}/turnos/palacio/")
    assert movil.evaluate("document.documentElement.scrollWidth") <= 390
    axe(movil)
    captura(movil, "e2e-turnos-kiosco-movil")
    movil.get_by_role("link", name=re.compile("Atención preferente")).click()
    expect(movil.locator("h1")).to_have_text("Atención preferente")
    movil.get_by_role("button", name=re.compile("Pago del impuesto predial")).click()
    movil.wait_for_url(re.compile(r"/turno/[\w-]+/$"))
    ficha = Ficha.objects.get(numero=3)
    assert ficha.preferente and ficha.canal == "kiosco"
    expect(movil.locator(".turno__codigo")).to_have_text("B003")
    mensaje = movil.locator("[data-campo=mensaje]")
    expect(mensaje).to_have_text("Le faltan 2 turnos")
    assert movil.evaluate("document.documentElement.scrollWidth") <= 390
    axe(movil)
    captura(movil, "e2e-turnos-ficha-movil")

    cajera = UsuarioFactory(username="cajera")
    ventanillas = {v.numero: v for v in sede.ventanillas.all()}
    services.llamar_siguiente(ventanillas[1], usuario=cajera)
    services.llamar_siguiente(ventanillas[3], usuario=cajera)
    assert services.llamar_siguiente(ventanillas[2], usuario=cajera) == ficha
    # No reload: the page's script polls estado.json every few seconds.
    movil.evaluate("window.sinRecargar = true")
    expect(mensaje).to_have_text("Pase a la ventanilla 2", timeout=15_000)
    assert movil.evaluate("window.sinRecargar") is True
    axe(movil)
    captura(movil, "e2e-turnos-ficha-llamada-movil")
