"""The staff window screen in the admin (HTTP, real services)."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from atencion import services
from atencion.models import Ficha
from cms import roles
from tests.factories import AreaFactory, UsuarioFactory

pytestmark = pytest.mark.django_db
E = Ficha.Estado
PANTALLA = reverse("atencion_ventanilla:ventanilla")


def _accion(nombre):
    return reverse("atencion_ventanilla:accion", args=[nombre])


@pytest.fixture
def oficialia(db):
    return UsuarioFactory(username="ventanilla", roles=[roles.OFICIALIA])


@pytest.fixture
def en_ventanilla(client, oficialia, ventanillas):
    """Oficialía staff logged in, attending at window 1 (both servicios)."""
    client.force_login(oficialia)
    client.post(reverse("atencion_ventanilla:elegir"), {"ventanilla": ventanillas[0].pk})
    return client


def _mensajes(respuesta):
    return [str(m) for m in respuesta.context["messages"]]


def test_the_window_is_picked_once_and_remembered(client, oficialia, ventanillas):
    client.force_login(oficialia)
    html = client.get(PANTALLA).content.decode()
    assert "¿En qué ventanilla atiende?" in html and "Ventanilla 2 — Oficialía" in html
    respuesta = client.post(
        reverse("atencion_ventanilla:elegir"), {"ventanilla": ventanillas[1].pk}, follow=True
    )
    assert "Atiende en Ventanilla 2 de Oficialía de Partes Centro." in _mensajes(respuesta)
    assert "Llamar siguiente" in client.get(PANTALLA).content.decode()


def test_a_bad_window_choice_is_refused_in_spanish(client, oficialia, ventanillas):
    client.force_login(oficialia)
    respuesta = client.post(reverse("atencion_ventanilla:elegir"), {"ventanilla": "x"}, follow=True)
    assert "Elija una ventanilla de la lista." in _mensajes(respuesta)
    assert "atencion_ventanilla" not in client.session


def test_the_queue_shows_code_servicio_preferente_and_minutes(en_ventanilla, servicios):
    services.tomar_ficha(servicios[0])
    services.tomar_ficha(servicios[1], preferente=True)
    Ficha.objects.filter(numero=1).update(tomada_en=timezone.now() - dt.timedelta(minutes=12))
    respuesta = en_ventanilla.get(PANTALLA)
    cola = respuesta.context["cola"]
    assert [(f.codigo, f.servicio.prefijo, f.preferente) for f in cola] == [
        ("A001", "A", False),
        ("B002", "B", True),
    ]
    assert cola[0].minutos_espera == 12
    assert "Llamar al turno B002" in respuesta.content.decode()


def test_call_attend_and_finish_through_the_buttons(en_ventanilla, servicios, oficialia):
    ficha = services.tomar_ficha(servicios[0])
    respuesta = en_ventanilla.post(_accion("siguiente"), follow=True)
    assert "Llamó al turno A001." in _mensajes(respuesta)
    assert respuesta.context["actual"] == ficha
    en_ventanilla.post(_accion("volver"), {"ficha": ficha.pk})
    ficha.refresh_from_db()
    assert (ficha.estado, ficha.llamadas, ficha.atendida_por) == (E.LLAMADA, 2, oficialia)
    en_ventanilla.post(_accion("iniciar"), {"ficha": ficha.pk})
    respuesta = en_ventanilla.post(_accion("terminar"), {"ficha": ficha.pk}, follow=True)
    assert "Terminó la atención del turno A001." in _mensajes(respuesta)
    ficha.refresh_from_db()
    assert ficha.estado == E.TERMINADA and ficha.terminada_en is not None
    assert respuesta.context["actual"] is None


def test_next_is_refused_while_a_ficha_is_at_the_window(en_ventanilla, servicios):
    primera = services.tomar_ficha(servicios[0])
    segunda = services.tomar_ficha(servicios[0])
    en_ventanilla.post(_accion("siguiente"))
    respuesta = en_ventanilla.post(_accion("siguiente"), follow=True)
    assert "Termine el turno A001 o márquelo como ausente antes de llamar otro." in _mensajes(
        respuesta
    )
    segunda.refresh_from_db()
    assert segunda.estado == E.EN_ESPERA
    en_ventanilla.post(_accion("ausente"), {"ficha": primera.pk})
    primera.refresh_from_db()
    assert primera.estado == E.NO_SE_PRESENTO


def test_call_out_of_order_from_the_queue(en_ventanilla, servicios):
    services.tomar_ficha(servicios[0])
    tercera = services.tomar_ficha(servicios[1])
    respuesta = en_ventanilla.post(_accion("llamar"), {"ficha": tercera.pk}, follow=True)
    assert "Llamó al turno B002." in _mensajes(respuesta)
    tercera.refresh_from_db()
    assert tercera.estado == E.LLAMADA and tercera.ventanilla.numero == 1


def test_window_two_cannot_call_a_servicio_it_does_not_attend(
    client, oficialia, ventanillas, servicios
):
    client.force_login(oficialia)
    client.post(reverse("atencion_ventanilla:elegir"), {"ventanilla": ventanillas[1].pk})
    ficha = services.tomar_ficha(servicios[0])
    respuesta = client.post(_accion("llamar"), {"ficha": ficha.pk}, follow=True)
    assert "Esta ventanilla no atiende ese servicio." in _mensajes(respuesta)
    ficha.refresh_from_db()
    assert ficha.estado == E.EN_ESPERA


def test_transfer_to_another_servicio(en_ventanilla, servicios):
    ficha = services.tomar_ficha(servicios[0])
    en_ventanilla.post(_accion("siguiente"))
    respuesta = en_ventanilla.get(PANTALLA)
    assert list(respuesta.context["transferibles"]) == [servicios[1]]
    respuesta = en_ventanilla.post(
        _accion("transferir"), {"ficha": ficha.pk, "servicio": servicios[1].pk}, follow=True
    )
    assert "El turno A001 pasó a la fila de Licencias de construcción." in _mensajes(respuesta)
    ficha.refresh_from_db()
    assert (ficha.estado, ficha.servicio, ficha.transferida_de) == (
        E.EN_ESPERA,
        servicios[1],
        servicios[0],
    )


def test_a_service_refusal_is_a_spanish_message_and_changes_nothing(en_ventanilla, servicios):
    ficha = services.tomar_ficha(servicios[0])
    en_ventanilla.post(_accion("siguiente"))
    respuesta = en_ventanilla.post(_accion("terminar"), {"ficha": ficha.pk}, follow=True)
    assert "El turno A001 está «Llamado»: no se puede pasar a «Atendido»." in _mensajes(respuesta)
    ficha.refresh_from_db()
    assert ficha.estado == E.LLAMADA
    respuesta = en_ventanilla.post(_accion("transferir"), {"ficha": ficha.pk}, follow=True)
    assert "Elija el servicio al que se transfiere." in _mensajes(respuesta)


def test_another_window_cannot_act_on_my_ficha(client, en_ventanilla, servicios, ventanillas):
    ficha = services.tomar_ficha(servicios[1])
    en_ventanilla.post(_accion("siguiente"))
    otra = UsuarioFactory(username="otra", roles=[roles.OFICIALIA])
    client.force_login(otra)
    client.post(reverse("atencion_ventanilla:elegir"), {"ventanilla": ventanillas[1].pk})
    respuesta = client.post(_accion("ausente"), {"ficha": ficha.pk}, follow=True)
    assert "Ese turno no está en su ventanilla." in _mensajes(respuesta)
    ficha.refresh_from_db()
    assert ficha.estado == E.LLAMADA


def test_area_staff_attend_other_admin_users_do_not(client, ventanillas):
    area = UsuarioFactory(username="area", roles=[roles.AREA], areas=[AreaFactory()])
    client.force_login(area)
    assert client.get(PANTALLA).status_code == 200
    assert client.get(reverse("atencion_ventanilla:tiempos")).status_code == 403
    redaccion = UsuarioFactory(username="redaccion", roles=[roles.REDACCION])
    client.force_login(redaccion)
    assert client.get(PANTALLA).status_code == 403
    assert client.post(_accion("siguiente")).status_code == 403
    menu = client.get(reverse("wagtailadmin_home")).content.decode()
    assert 'data-menu-name="ventanilla"' not in menu and "atencion/ventanilla/" not in menu


def test_the_menu_shows_ventanilla_to_staff(en_ventanilla):
    html = en_ventanilla.get(reverse("wagtailadmin_home")).content.decode()
    assert "/admin/atencion/ventanilla/" in html


def test_supervisor_sees_todays_times(en_ventanilla, servicios):
    ficha = services.tomar_ficha(servicios[0])
    en_ventanilla.post(_accion("siguiente"))
    en_ventanilla.post(_accion("iniciar"), {"ficha": ficha.pk})
    en_ventanilla.post(_accion("terminar"), {"ficha": ficha.pk})
    respuesta = en_ventanilla.get(reverse("atencion_ventanilla:tiempos"))
    assert respuesta.status_code == 200
    [servicio, ventanilla, servidor] = respuesta.context["tablas"]
    assert servicio[0] == "Por servicio" and servicio[2][0].atendidos == 1
    assert ventanilla[2][0].etiqueta == "Ventanilla 1"
    assert servidor[2][0].atendidos == 1
    html = respuesta.content.decode()
    assert "Espera p90" in html and "Pago de predial" in html
