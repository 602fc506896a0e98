"""Security glue in the running app: content policy, the theme stylesheet, login
throttling per account and per address, Django's admin, password-reset mail failures."""

import logging

import pytest

from tests.factories import UsuarioFactory

pytestmark = pytest.mark.django_db
LOGIN = "/admin/login/"
RESET = "/admin/password_reset/"


def _politica(respuesta) -> dict[str, str]:
    partes = (d.strip().split(" ", 1) for d in respuesta["Content-Security-Policy"].split(";"))
    return dict(partes)


def test_public_pages_allow_no_inline_script_or_style(client):
    politica = _politica(client.get("/oficialia/consulta/"))
    assert politica["script-src"] == politica["style-src"] == "'self'"
    assert "data:" in politica["img-src"]  # the acuse's QR is a data: image
    assert "blob:" in politica["img-src"]  # the drop zone's previews of chosen files


def test_the_wagtail_admin_gets_inline_scripts_and_nothing_more(client):
    politica = _politica(client.get(LOGIN))
    assert politica["script-src"] == "'self' 'unsafe-inline'"
    assert politica["default-src"] == "'self'" and politica["object-src"] == "'none'"


def test_the_theme_stylesheet_accepts_only_colours(client):
    css = client.get("/estilos/tema.css", {"p": "123456", "o": "abcdef", "a": "00FF00"})
    assert css["Content-Type"].startswith("text/css")
    assert css.content.decode() == (
        ":root{--color-primary:#123456;--color-primary-dark:#abcdef;--color-accent:#00FF00}\n"
    )
    ataque = client.get("/estilos/tema.css", {"p": "000000;}body{display:none"}).content.decode()
    assert "body" not in ataque and "--color-primary:#0b4f6c" in ataque
    assert "immutable" in css["Cache-Control"]


@pytest.fixture
def oficial(db):
    return UsuarioFactory(username="oficial", roles=["Oficialía de Partes"])


def _ingresar(client, usuario, clave, ip):
    return client.post(LOGIN, {"username": usuario, "password": clave}, REMOTE_ADDR=ip)


def test_an_account_is_locked_after_failures_from_many_addresses(client, oficial, settings):
    settings.AXES_FAILURE_LIMIT = 3
    for n in range(3):
        _ingresar(client, "oficial", "mala", f"203.0.113.{n}")
    bloqueo = _ingresar(client, "oficial", "clave-de-prueba", "198.51.100.1")
    assert bloqueo.status_code == 429
    assert "demasiados intentos fallidos" in bloqueo.content.decode().lower()
    assert "15 minutos" in bloqueo.content.decode()


def test_an_address_is_locked_after_failures_on_many_accounts(client, oficial, settings):
    settings.AXES_FAILURE_LIMIT = 3
    for n in range(3):
        _ingresar(client, f"inventado{n}", "mala", "203.0.113.50")
    assert _ingresar(client, "oficial", "clave-de-prueba", "203.0.113.50").status_code == 429
    assert _ingresar(client, "oficial", "clave-de-prueba", "203.0.113.51").status_code == 302


def test_djangos_admin_obeys_its_switch_networks_and_superusers(client, settings):
    settings.FOLIO_DJANGO_ADMIN = False
    assert client.get("/django-admin/login/").status_code == 404
    settings.FOLIO_DJANGO_ADMIN = True
    assert client.get("/django-admin/login/").status_code == 200

    staff = UsuarioFactory(username="staff", is_staff=True)
    client.force_login(staff)
    assert client.get("/django-admin/").status_code == 302  # not a superuser: to the login
    jefa = UsuarioFactory(username="jefa", is_staff=True, is_superuser=True)
    client.force_login(jefa)
    assert client.get("/django-admin/").status_code == 200

    from ipaddress import ip_network

    settings.FOLIO_DJANGO_ADMIN_REDES = [ip_network("10.20.0.0/16")]
    assert client.get("/django-admin/", REMOTE_ADDR="203.0.113.9").status_code == 404
    assert client.get("/django-admin/", REMOTE_ADDR="10.20.3.4").status_code == 200


@pytest.fixture
def sin_servidor_de_correo(settings):
    from tests.despliegue import puerto_libre

    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", puerto_libre()  # nobody listens
    settings.EMAIL_TIMEOUT = 2


@pytest.mark.parametrize("correo", ["oficial@ejemplo.gob.mx", "nadie@ejemplo.gob.mx"])
def test_a_reset_mail_that_cannot_be_sent_is_an_error_for_everyone(
    client, sin_servidor_de_correo, caplog, correo
):
    UsuarioFactory(username="oficial2", email="oficial@ejemplo.gob.mx")
    with caplog.at_level(logging.ERROR, logger="cms.forms_admin"):
        respuesta = client.post(RESET, {"email": correo})
    assert respuesta.status_code == 503
    assert "no se puede enviar el correo" in respuesta.content.decode()
    assert any("servidor de correo" in r.getMessage() for r in caplog.records)


def test_a_reset_mail_goes_out_through_a_real_smtp_server(client, servidor_correo, settings):
    import os

    from cms.settings.env import env_email

    os.environ["FOLIO_PRUEBA_EMAIL_URL"] = servidor_correo.url
    correo = env_email("FOLIO_PRUEBA_EMAIL_URL")
    settings.EMAIL_BACKEND, settings.EMAIL_HOST, settings.EMAIL_PORT = correo[:3]
    UsuarioFactory(username="oficial3", email="oficial3@ejemplo.gob.mx")
    respuesta = client.post(RESET, {"email": "oficial3@ejemplo.gob.mx"})
    assert respuesta.status_code == 302
    assert any("oficial3@ejemplo.gob.mx" in m.rcpt_tos for m in servidor_correo.mensajes)
