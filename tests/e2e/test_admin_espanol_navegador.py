"""The admin in a browser: a branded login, and no English on the dashboard or in the
explorer, including what Wagtail's JavaScript renders (sidebar, explorer drawer)."""

import re

import pytest
from playwright.sync_api import expect

from cms.errores import error_servidor
from tests.cms.test_admin_espanol import en_ingles

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_login_dashboard_and_explorer_in_spanish(
    live_server, django_user_model, rf, pagina, movil, axe, captura
):
    django_user_model.objects.create_superuser("ana.admin", password="clave-de-prueba")

    movil.goto(live_server.url + "/admin/login/")
    expect(movil.get_by_role("heading", level=1)).to_have_text(
        "Iniciar sesión en Ayuntamiento de Ejemplo"
    )
    axe(movil)
    captura(movil, "e2e-admin-ingreso-movil")

    pagina.goto(live_server.url + "/admin/login/")
    expect(pagina.locator(".folio-marca-ingreso img")).to_be_visible()
    assert "Wagtail" not in pagina.locator("body").inner_text()
    axe(pagina)
    captura(pagina, "e2e-admin-ingreso")
    pagina.locator("#id_username").fill("ana.admin")
    pagina.locator("#id_password").fill("clave-de-prueba")
    pagina.locator("button[type=submit]").click()
    pagina.wait_for_url(re.compile(r"/admin/$"))

    menu = pagina.locator("#wagtail-sidebar")
    expect(menu.get_by_role("button", name="Páginas")).to_be_visible()
    assert en_ingles(pagina.locator("body").inner_text()) == []
    axe(pagina)
    captura(pagina, "e2e-admin-panel")

    menu.get_by_role("button", name="Páginas").click()
    explorador = pagina.locator(".c-page-explorer")
    expect(explorador).to_contain_text("Inicio")
    assert en_ingles(explorador.inner_text()) == []
    captura(pagina, "e2e-admin-explorador-menu")

    pagina.goto(live_server.url + "/admin/pages/")
    expect(pagina.get_by_role("heading", level=1)).to_contain_text("Raíz")
    assert en_ingles(pagina.locator("body").inner_text()) == []
    axe(pagina)
    captura(pagina, "e2e-admin-explorador")

    # The error pages on a phone: Folio's 404, and the 500 (rendered without the database).
    movil.goto(live_server.url + "/no-existe/")
    expect(movil.get_by_role("heading", level=1)).to_have_text("Página no encontrada")
    captura(movil, "e2e-error-404-movil")
    movil.set_content(error_servidor(rf.get("/")).content.decode())
    expect(movil.locator(".site-header")).to_be_visible()
    axe(movil)
    captura(movil, "e2e-error-500-movil")
