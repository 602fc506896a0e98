"""Logging in to the admin in a browser test, as staff do."""

import re


def entrar(page, live_server, usuario, clave="clave-de-prueba"):
    """Log `usuario` in on `page` (any earlier session is dropped) and wait for the dashboard."""
    page.context.clear_cookies()
    page.goto(live_server.url + "/admin/login/")
    page.locator("#id_username").fill(usuario.username)
    page.locator("#id_password").fill(clave)
    page.locator("button[type=submit]").click()
    page.wait_for_url(re.compile(r"/admin/$"))
