"""Mi trabajo for a clerk and an área titular, and the bandeja's cards on a phone, in real
headless Chromium with axe."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from cms import roles
from documentos.models import Escrito
from documentos.services import flujo
from documentos.services.recepcion import recibir_escrito
from tests.e2e.sesion import entrar
from tests.factories import AreaFactory, UsuarioFactory, datos_recepcion

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_mi_trabajo_for_clerk_titular_and_contraloria_and_bandeja_cards_on_a_phone(
    live_server, pagina, movil, axe, captura
):
    obras = AreaFactory(nombre="Dirección de Obra Pública y Servicios Urbanos", siglas="DOP")
    clerk = UsuarioFactory(username="clerk.navegador", roles=[roles.OFICIALIA])
    titular = UsuarioFactory(username="titular.navegador", roles=[roles.AREA], areas=[obras])
    contralor = UsuarioFactory(username="contralor.navegador", roles=[roles.CONTRALORIA])
    hoy = timezone.localdate()
    for n, dias in enumerate((-4, 1, 12, -1)):
        escrito = recibir_escrito(
            datos_recepcion(
                canal=Escrito.Canal.EN_LINEA,
                archivos=[],
                asunto=f"Solicitud {n} de reparación de luminarias en la avenida principal",
            ),
            usuario=clerk,
        )
        Escrito.objects.filter(pk=escrito.pk).update(vence_en=hoy + timedelta(days=dias))
        if n % 2:
            flujo.turnar(escrito, obras, usuario=clerk)

    entrar(pagina, live_server, clerk)
    panel = pagina.locator("#mi-trabajo-section")
    expect(panel.get_by_role("heading", name="Mi trabajo")).to_be_visible()
    expect(panel.get_by_role("link", name="2 Por turnar")).to_be_visible()
    expect(panel.get_by_text("4 días vencido").first).to_be_visible()
    # The sidebar's labels wrap instead of being cut ("Oficialía de Pa…").
    etiqueta = pagina.locator(".sidebar-main-menu .menuitem-label", has_text="Oficialía de Partes")
    assert etiqueta.evaluate("e => e.scrollWidth <= e.clientWidth")
    axe(pagina)
    captura(pagina, "e2e-trabajo-oficialia")
    panel.get_by_role("link", name="2 Por turnar").click()
    pagina.wait_for_url(re.compile(r"/bandeja/\?tarea=por_turnar$"))
    expect(pagina.locator("[id^=escrito_][id$=_title]")).to_have_count(2)
    captura(pagina, "e2e-trabajo-bandeja-por-turnar")

    entrar(movil, live_server, titular)
    expect(
        movil.locator("#mi-trabajo-section").get_by_role("link", name="2 Por asignar en su área")
    ).to_be_visible()
    assert movil.evaluate("document.documentElement.scrollWidth") <= 390
    axe(movil)
    captura(movil, "e2e-trabajo-titular-movil")
    movil.goto(live_server.url + "/admin/documentos/bandeja/")
    tarjetas = movil.locator(".folio-tarjeta")
    expect(tarjetas).to_have_count(2)
    expect(movil.locator(".folio-bandeja-tabla")).to_be_hidden()
    primera = tarjetas.first
    expect(primera.locator(".folio-tarjeta__folio")).to_be_visible()
    expect(primera.locator(".w-status")).to_have_text("Turnado")
    expect(primera.locator(".folio-semaforo")).to_have_text(re.compile("Vencido"))
    assert movil.evaluate("document.documentElement.scrollWidth") <= 390
    axe(movil)
    captura(movil, "e2e-trabajo-bandeja-movil")

    # The contraloría also sees what is overdue by área, each row a link to that bandeja.
    entrar(pagina, live_server, contralor)
    fila = pagina.locator(".folio-vencidos-area tbody tr", has_text=obras.nombre)
    expect(fila).to_contain_text("1 día")
    axe(pagina)
    captura(pagina, "e2e-trabajo-contraloria")
    fila.get_by_role("link").click()
    pagina.wait_for_url(re.compile(rf"semaforo=vencido&area={obras.pk}$"))
    expect(pagina.locator("[id^=escrito_][id$=_title]")).to_have_count(1)
