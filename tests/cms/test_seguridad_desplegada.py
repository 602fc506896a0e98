"""Headers, login throttling, Django's admin and password-reset mail of Folio as deployed
(gunicorn, several workers, production settings: tests/despliegue.py)."""

import re

from tests.despliegue import (
    CLAVE_OFICIALIA,
    HOST_PUBLICO,
    USUARIO_BLOQUEABLE,
    navegador,
    token_csrf,
)

LOGIN = "/admin/login/"


def _ingresar(despliegue, sesion, usuario, clave):
    token = token_csrf(sesion.get(despliegue.url + LOGIN).text)
    return sesion.post(
        despliegue.url + LOGIN,
        data={"username": usuario, "password": clave, "csrfmiddlewaretoken": token},
        headers={"Referer": despliegue.url + LOGIN},
        allow_redirects=False,
    )


def test_security_headers(despliegue):
    sesion = navegador()
    https = {"X-Forwarded-Proto": "https"}  # as the TLS proxy in front of gunicorn says
    portal = sesion.get(despliegue.url + "/oficialia/consulta/", headers=https)
    politica = dict(
        d.strip().split(" ", 1) for d in portal.headers["Content-Security-Policy"].split(";")
    )
    assert politica["default-src"] == "'self'"
    assert politica["script-src"] == "'self'" and politica["style-src"] == "'self'"
    assert politica["object-src"] == "'none'" and politica["frame-ancestors"] == "'self'"
    assert portal.headers["Strict-Transport-Security"] == "max-age=31536000"
    assert "camera=()" in portal.headers["Permissions-Policy"]
    assert "microphone=()" in portal.headers["Permissions-Policy"]
    assert portal.headers["X-Content-Type-Options"] == "nosniff"
    # The Wagtail admin still needs its inline scripts; nothing else is relaxed.
    admin = sesion.get(despliegue.url + LOGIN, headers=https)
    assert "'unsafe-inline'" in admin.headers["Content-Security-Policy"]
    assert "'unsafe-eval'" not in admin.headers["Content-Security-Policy"]


def test_login_is_throttled_per_account_and_per_address_across_workers(despliegue):
    atacante = navegador("127.0.0.31")
    estados = [
        _ingresar(despliegue, atacante, USUARIO_BLOQUEABLE, f"adivina-{n}").status_code
        for n in range(12)
    ]
    # 200: the form again with an error; the 10th failure locks (FOLIO_INGRESO_MAX_FALLOS).
    assert estados == [200] * 9 + [429] * 3
    bloqueo = _ingresar(despliegue, atacante, USUARIO_BLOQUEABLE, CLAVE_OFICIALIA)
    assert bloqueo.status_code == 429
    assert "demasiados intentos fallidos" in bloqueo.text.lower()
    assert "15 minutos" in bloqueo.text
    # The account is locked from any address, and the address for any account.
    otra_ip = _ingresar(despliegue, navegador("127.0.0.32"), USUARIO_BLOQUEABLE, CLAVE_OFICIALIA)
    assert otra_ip.status_code == 429
    otra_cuenta = _ingresar(
        despliegue, atacante, despliegue.datos["usuario"], despliegue.datos["clave"]
    )
    assert otra_cuenta.status_code == 429
    ok = _ingresar(
        despliegue, navegador("127.0.0.33"), despliegue.datos["usuario"], despliegue.datos["clave"]
    )
    assert ok.status_code == 302


def test_djangos_admin_is_off_in_production(despliegue):
    sesion = navegador("127.0.0.34")
    assert sesion.get(despliegue.url + "/django-admin/").status_code == 404
    assert sesion.get(despliegue.url + "/django-admin/login/").status_code == 404


def test_password_reset_mail_reaches_the_smtp_server_with_the_public_address(
    despliegue, servidor_correo
):
    sesion = navegador("127.0.0.35")
    url = despliegue.url + "/admin/password_reset/"
    token = token_csrf(sesion.get(url).text)
    respuesta = sesion.post(
        url,
        data={"email": "ventanilla@ejemplo.gob.mx", "csrfmiddlewaretoken": token},
        headers={"Referer": url},
        allow_redirects=False,
    )
    assert respuesta.status_code == 302
    (mensaje,) = [m for m in servidor_correo.mensajes if "ventanilla@ejemplo.gob.mx" in m.rcpt_tos]
    cuerpo = mensaje.content.decode()
    assert re.search(rf"https://{re.escape(HOST_PUBLICO)}/admin/password_reset/confirm/", cuerpo)


def test_the_json_apis_answer_json_only_in_production(despliegue):
    sesion = navegador("127.0.0.35")
    https = {"X-Forwarded-Proto": "https"}
    como_navegador = {**https, "Accept": "text/html,application/xhtml+xml,*/*;q=0.8"}
    for ruta in ("/api/busqueda/", "/api/estadisticas/resumen/", "/api/v2/pages/", "/api/esquema/"):
        respuesta = sesion.get(despliegue.url + ruta, headers=como_navegador)
        assert respuesta.status_code == 200, ruta
        assert respuesta.headers["Content-Type"] == "application/json", ruta
    # No DRF browsable API, not even Wagtail's.
    assert (
        sesion.get(despliegue.url + "/api/v2/pages/?format=api", headers=https).status_code == 404
    )
    otro = sesion.post(despliegue.url + "/api/busqueda/", headers=https)
    assert otro.status_code == 405
    assert otro.json() == {"error": "Método «POST» no permitido: use GET."}
