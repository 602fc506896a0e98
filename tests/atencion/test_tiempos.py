"""Wait and service times from fichas built with explicit timestamps."""

import datetime as dt

import pytest
from django.utils import timezone

from atencion import tiempos
from atencion.models import Ficha
from tests.factories import UsuarioFactory

from .fichas import ficha

pytestmark = pytest.mark.django_db
E = Ficha.Estado
DIA = dt.date(2026, 3, 10)


def _hora(h, m=0, dia=DIA):
    return timezone.make_aware(dt.datetime.combine(dia, dt.time(h, m)))


@pytest.fixture
def dia(servicios, ventanillas):
    """Predial (A): waits 10, 20, 30 and 40 min, service 5 and 15 min, one absent;
    licencias (B): one wait of 6 min still in attention; one ficha still waiting."""
    predial, licencias = servicios
    uno, dos = ventanillas
    ana = UsuarioFactory(username="ana", first_name="Ana", last_name="Ruiz")
    beto = UsuarioFactory(username="beto", first_name="Beto", last_name="Díaz")
    comun = {"ventanilla": uno, "atendida_por": ana}
    ficha(
        predial,
        tomada=_hora(9),
        llamada=_hora(9, 10),
        iniciada=_hora(9, 11),
        terminada=_hora(9, 16),
        **comun,
    )
    ficha(
        predial,
        tomada=_hora(9, 5),
        llamada=_hora(9, 25),
        iniciada=_hora(9, 25),
        terminada=_hora(9, 40),
        **comun,
    )
    ficha(
        predial,
        tomada=_hora(10),
        llamada=_hora(10, 30),
        terminada=_hora(10, 35),
        estado=E.NO_SE_PRESENTO,
        **comun,
    )
    ficha(predial, tomada=_hora(10, 10), llamada=_hora(10, 50), ventanilla=dos, atendida_por=beto)
    ficha(
        licencias,
        tomada=_hora(11),
        llamada=_hora(11, 6),
        iniciada=_hora(11, 7),
        estado=E.EN_ATENCION,
        ventanilla=dos,
        atendida_por=beto,
    )
    ficha(licencias, tomada=_hora(11, 30))
    return predial, licencias


def test_per_servicio_counts_waits_p90_and_service(dia):
    predial, licencias = tiempos.por("servicio", DIA, DIA)
    filas = {t.etiqueta: t for t in (predial, licencias)}
    a = filas["Pago de predial"]
    assert (a.atendidos, a.ausentes, a.llamados) == (2, 1, 4)
    assert a.espera_media == 25.0
    assert a.espera_p90 == 37.0  # 30 + 0.7 * 10, linear between closest ranks
    assert a.atencion_media == 10.0  # (5 + 15) / 2; the absent and the unfinished do not count
    b = filas["Licencias de construcción"]
    assert (b.atendidos, b.ausentes, b.llamados, b.espera_media) == (0, 0, 1, 6.0)
    assert b.atencion_media is None


def test_per_ventanilla_servidor_and_hour(dia):
    ventanillas = {t.etiqueta: t for t in tiempos.por("ventanilla", DIA, DIA)}
    assert set(ventanillas) == {"Ventanilla 1", "Ventanilla 2"}
    assert ventanillas["Ventanilla 1"].espera_media == pytest.approx(20.0)
    assert ventanillas["Ventanilla 2"].espera_media == 23.0  # 40 and 6
    servidores = {t.etiqueta: t.atendidos for t in tiempos.por("servidor", DIA, DIA)}
    assert servidores == {"Ana Ruiz": 2, "Beto Díaz": 0}
    horas = [(t.etiqueta, t.llamados) for t in tiempos.por("hora", DIA, DIA)]
    assert horas == [("09:00", 2), ("10:00", 2), ("11:00", 1)]


def test_the_range_keeps_other_days_out(dia):
    predial = dia[0]
    otro = DIA + dt.timedelta(days=1)
    ficha(predial, tomada=_hora(9, dia=otro), llamada=_hora(11, dia=otro))
    assert [t.llamados for t in tiempos.por("servicio", otro, otro)] == [1]
    assert tiempos.por("servicio", otro, otro)[0].espera_media == 120.0
    assert sum(t.llamados for t in tiempos.por("servicio", DIA, otro)) == 6


def test_public_wait_per_sede_and_month(dia):
    [(sede, total)] = tiempos.espera_por_sede(DIA, DIA)
    assert sede == "Oficialía de Partes Centro"
    assert (total.llamados, total.espera_media) == (5, 21.2)  # (10+20+30+40+6)/5
    meses = tiempos.espera_por_sede_y_mes(dt.date(2026, 3, 1), dt.date(2026, 3, 31))
    assert meses[sede][dt.date(2026, 3, 1)].espera_media == 21.2


def test_unknown_grouping_is_refused(db):
    with pytest.raises(ValueError):
        tiempos.por("persona", DIA, DIA)
