"""The clerk gives and prints a ticket; administrators configure sedes, servicios, ventanillas."""

import pytest
from django.urls import reverse

from atencion.models import Ficha, Sede, Servicio, Ventanilla
from cms import roles
from tests.factories import UsuarioFactory

pytestmark = pytest.mark.django_db
URL = "/admin/atencion/turnos/dar/"


@pytest.fixture
def oficialia(db):
    return UsuarioFactory(username="ventanilla", roles=[roles.OFICIALIA])


def test_the_clerk_gives_a_ticket_and_gets_its_print_links(client, oficialia, servicios):
    client.force_login(oficialia)
    pagina = client.get(URL)
    assert pagina.status_code == 200
    assert "Oficialía de Partes Centro · Pago de predial (A)" in pagina.content.decode()
    respuesta = client.post(URL, {"servicio": servicios[0].pk, "preferente": "on"}, follow=True)
    ficha = Ficha.objects.get()
    assert (ficha.canal, ficha.preferente, ficha.servicio) == ("ventanilla", True, servicios[0])
    html = respuesta.content.decode()
    assert f"Turno {ficha.codigo} entregado." in html
    pdf = reverse("atencion:ficha_pdf", args=[ficha.token])
    assert f'href="{pdf}?papel=80mm"' in html and f'href="{pdf}?papel=carta"' in html
    # The next ticket proposes the same servicio.
    assert client.get(URL).context["form"].initial["servicio"] == servicios[0].pk


def test_the_clerk_cannot_give_a_ticket_of_an_inactive_servicio(client, oficialia, servicios):
    servicios[0].activo = False
    servicios[0].save()
    client.force_login(oficialia)
    respuesta = client.post(URL, {"servicio": servicios[0].pk})
    assert respuesta.status_code == 400
    assert "Escoja una opción válida" in respuesta.content.decode()
    assert not Ficha.objects.exists()


def test_only_the_oficialia_gives_tickets(client, servicios):
    client.force_login(UsuarioFactory(username="obras", roles=[roles.AREA]))
    assert client.get(URL).status_code == 403
    assert client.post(URL, {"servicio": servicios[0].pk}).status_code == 403
    assert not Ficha.objects.exists()


def test_the_menu_shows_dar_turno_to_the_oficialia(client, oficialia):
    client.force_login(oficialia)
    assert URL in client.get("/admin/").content.decode()


def test_an_administrator_configures_a_window(admin_client, sede, servicios):
    otra = Sede.objects.create(nombre="Mercado", slug="mercado")
    ajeno = Servicio.objects.create(sede=otra, nombre="Permisos de plaza", prefijo="P")
    alta = "/admin/snippets/atencion/ventanilla/add/"
    formulario = admin_client.get(alta).content.decode()
    assert "Servicios que atiende" in formulario and "Mercado · Permisos de plaza (P)" in formulario
    datos = {"sede": sede.pk, "numero": 3, "servicios": [servicios[0].pk, ajeno.pk], "activa": "on"}
    respuesta = admin_client.post(alta, datos)
    assert respuesta.status_code == 200
    assert "Estos servicios son de otra sede: Permisos de plaza." in respuesta.content.decode()
    assert not Ventanilla.objects.exists()
    datos["servicios"] = [servicios[0].pk]
    assert admin_client.post(alta, datos).status_code == 302
    assert list(Ventanilla.objects.get(numero=3).servicios.all()) == [servicios[0]]


@pytest.mark.parametrize("modelo", ["sede", "servicio", "ventanilla"])
def test_sedes_servicios_and_windows_are_listed_in_the_admin(admin_client, ventanillas, modelo):
    respuesta = admin_client.get(f"/admin/snippets/atencion/{modelo}/")
    assert respuesta.status_code == 200
