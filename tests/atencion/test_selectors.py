"""People ahead of a ficha, its estimated wait and the kiosk's list, against the real calls."""

import datetime as dt

import pytest
from django.utils import timezone

from atencion import selectors, services
from atencion.models import Ficha, Ventanilla
from tests.factories import UsuarioFactory

pytestmark = pytest.mark.django_db
E = Ficha.Estado


@pytest.fixture
def cajera(db):
    return UsuarioFactory(username="cajera")


def _terminada(servicio, minutos, *, fecha=None):
    """A ficha attended for `minutos` (created directly: its times are in the past)."""
    ficha = services.tomar_ficha(servicio)
    inicio = timezone.now() - dt.timedelta(hours=1)
    Ficha.objects.filter(pk=ficha.pk).update(
        estado=E.TERMINADA,
        fecha=fecha or ficha.fecha,
        llamada_en=inicio,
        iniciada_en=inicio,
        terminada_en=inicio + dt.timedelta(minutes=minutos),
    )


@pytest.mark.parametrize("cada", [1, 3])
def test_people_ahead_is_the_order_in_which_the_window_calls(sede, servicios, cajera, cada):
    """Predicted for every waiting ficha, then checked by calling them one by one."""
    sede.preferente_cada = cada
    sede.save()
    predial = servicios[0]
    ventanilla = Ventanilla.objects.create(sede=sede, numero=7)
    ventanilla.servicios.set([predial])
    for preferente in (False, False, True, False, False, True, True, False):
        services.tomar_ficha(predial, preferente=preferente)
    services.tomar_ficha(servicios[1], preferente=True)  # another queue: never counted
    esperan = list(Ficha.objects.filter(servicio=predial))
    previsto = {f.pk: selectors.por_delante(f) for f in esperan}
    llamadas = [services.llamar_siguiente(ventanilla, usuario=cajera).pk for _f in esperan]
    assert previsto == {pk: puesto for puesto, pk in enumerate(llamadas)}
    assert sorted(previsto.values()) == list(range(len(esperan)))


def test_a_preferente_goes_ahead_of_the_normales(servicios):
    predial = servicios[0]
    primera = services.tomar_ficha(predial)
    segunda = services.tomar_ficha(predial)
    preferente = services.tomar_ficha(predial, preferente=True)
    assert [selectors.por_delante(f) for f in (primera, segunda, preferente)] == [1, 2, 0]


def test_a_called_ficha_has_nobody_ahead_and_no_wait(servicios, ventanillas, cajera):
    ficha = services.tomar_ficha(servicios[0])
    services.llamar_siguiente(ventanillas[0], usuario=cajera)
    ficha.refresh_from_db()
    estado = selectors.estado_ficha(ficha)
    assert (estado.estado, estado.por_delante, estado.espera_minutos) == (E.LLAMADA, 0, None)
    assert estado.ventanilla == 1


def test_wait_uses_the_servicio_estimate_and_the_windows_attending_it(servicios, ventanillas):
    licencias = servicios[1]  # attended by windows 1 and 2
    licencias.minutos_estimados = 10
    licencias.save()
    for _i in range(3):
        services.tomar_ficha(licencias)
    ultima = services.tomar_ficha(licencias)
    estado = selectors.estado_ficha(ultima)
    assert estado.por_delante == 3
    assert estado.espera_minutos == 15  # 3 people x 10 min / 2 windows


def test_wait_uses_todays_measured_mean_from_three_finished(servicios, ventanillas):
    predial = servicios[0]  # window 1 only
    predial.minutos_estimados = 20
    predial.save()
    ayer = timezone.localdate() - dt.timedelta(days=1)
    _terminada(predial, 60, fecha=ayer)  # other days do not count
    _terminada(predial, 4)
    _terminada(predial, 6)
    assert selectors.minutos_por_atencion(predial) == 20  # only two measured today
    _terminada(predial, 8)
    assert selectors.minutos_por_atencion(predial) == pytest.approx(6)
    services.tomar_ficha(predial)
    services.tomar_ficha(predial)
    ultima = services.tomar_ficha(predial)
    assert selectors.estado_ficha(ultima).espera_minutos == 12  # 2 people x 6 min / 1 window


def test_no_window_attending_means_no_estimate(sede, servicios):
    ficha = services.tomar_ficha(servicios[0])
    assert selectors.estado_ficha(ficha).espera_minutos is None


def test_the_kiosk_lists_active_servicios_with_their_queues(sede, servicios, ventanillas):
    predial, licencias = servicios
    services.tomar_ficha(predial)
    services.tomar_ficha(predial, preferente=True)
    _terminada(predial, 5)
    apagado = licencias.__class__.objects.create(
        sede=sede, nombre="Servicio apagado", prefijo="Z", activo=False
    )
    lista = selectors.servicios_del_kiosco(sede)
    assert [(s.servicio, s.en_espera) for s in lista] == [(licencias, 0), (predial, 2)]
    assert apagado not in [s.servicio for s in lista]
    assert lista[1].espera_minutos == 20  # 2 waiting x 10 min / 1 window
