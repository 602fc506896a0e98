"""The display board in Chromium: a call made by the services appears without navigation,
flashes and is announced; a call again is announced again."""

import re
import time

import pytest
from playwright.sync_api import expect

from atencion import services
from atencion.models import Sede, Servicio, Ventanilla
from cms import roles
from tests.factories import UsuarioFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

# Records when the current calls first show a code (wait_for_function would need eval,
# which the page's Content-Security-Policy forbids; page.evaluate goes through DevTools).
OBSERVAR = """codigo => ({cuando: new Promise(listo => {
    const lista = document.querySelector('[data-actuales]');
    new MutationObserver((_m, observador) => {
        if (lista.textContent.includes(codigo)) { observador.disconnect(); listo(Date.now()); }
    }).observe(lista, {childList: true, subtree: true, characterData: true});
})})"""


def test_the_board_shows_and_announces_a_call_without_reloading(live_server, pagina, axe, captura):
    sede = Sede.objects.create(nombre="Oficialía de Partes Centro", slug="centro")
    predial = Servicio.objects.create(sede=sede, nombre="Pago de predial", prefijo="A")
    Servicio.objects.create(sede=sede, nombre="Licencias de construcción", prefijo="B")
    ventanilla = Ventanilla.objects.create(sede=sede, numero=2)
    ventanilla.servicios.set([predial])
    persona = UsuarioFactory(username="ventanilla", roles=[roles.OFICIALIA])
    for _i in range(3):
        services.tomar_ficha(predial)

    pagina.goto(live_server.url + "/pantalla/centro/")
    main = pagina.locator("[data-pantalla]")
    expect(main).to_have_attribute("data-consultas", re.compile(r"\d"))
    assert "Espere su turno" in pagina.inner_text("[data-actuales]")
    boton = pagina.get_by_role("button", name="Activar voz")
    boton.click()
    assert boton.is_hidden()
    axe(pagina)
    url = pagina.url

    cambio = pagina.evaluate_handle(OBSERVAR, "A001")
    inicio = time.time() * 1000
    ficha = services.llamar_siguiente(ventanilla, usuario=persona)
    latencia = (pagina.evaluate("o => o.cuando", cambio) - inicio) / 1000
    print(f"\nlatencia del llamado a la pantalla: {latencia:.2f} s")
    assert latencia < 4  # 2 s polling + 1 s cache, with margin
    assert pagina.url == url  # no navigation
    llamada = pagina.locator("[data-actuales] li").first
    assert llamada.locator(".folio-pantalla__codigo").inner_text() == "A001"
    assert llamada.locator(".folio-pantalla__ventanilla").inner_text() == "Ventanilla 2"
    assert "→" in llamada.inner_text()
    assert main.get_attribute("data-ultimo-anuncio") == "Turno A 0 0 1, pase a la ventanilla 2"
    assert pagina.locator(".folio-pantalla__llamada--nueva").count() == 1
    assert "2" in pagina.inner_text("[data-colas]")  # A: two still waiting
    captura(pagina, "pantalla-llamado")

    services.llamar(ficha, ventanilla, usuario=persona)  # volver a llamar
    expect(main).to_have_attribute("data-anuncios", "2", timeout=10_000)
    assert main.get_attribute("data-ultimo-anuncio") == "Turno A 0 0 1, pase a la ventanilla 2"

    services.iniciar_atencion(ficha)
    services.terminar(ficha)
    services.llamar_siguiente(ventanilla, usuario=persona)
    expect(pagina.locator("[data-actuales]")).to_contain_text("A002", timeout=10_000)
    assert "A001" in pagina.inner_text("[data-ultimas]")
    assert main.get_attribute("data-anuncios") == "3"
    captura(pagina, "pantalla-ultimos")
