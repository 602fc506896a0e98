"""The public wait figures per sede (today, the period, per month): no person, no window,
and a mean from fewer fichas than the threshold is not published."""

import datetime as dt

import pytest
from django.utils import timezone

from atencion.models import Sede, Servicio
from tests.atencion.fichas import ficha
from tests.factories import UsuarioFactory

pytestmark = pytest.mark.django_db


def _a_las(dia, h, m=0):
    return timezone.make_aware(dt.datetime.combine(dia, dt.time(h, m)))


@pytest.fixture
def esperas(db):
    """Centro: five fichas today waiting 10..50 min, attended by a named person; Norte: two
    today (fewer than the threshold of 5)."""
    hoy = timezone.localdate()
    persona = UsuarioFactory(username="servidor.uno", first_name="Rosa", last_name="Servidora")
    centro = Sede.objects.create(nombre="Sede Centro", slug="centro")
    norte = Sede.objects.create(nombre="Sede Norte", slug="norte")
    predial = Servicio.objects.create(sede=centro, nombre="Predial", prefijo="A")
    agua = Servicio.objects.create(sede=norte, nombre="Agua", prefijo="A")
    for i, minutos in enumerate((10, 20, 30, 40, 50)):
        tomada = _a_las(hoy, 8, i)
        ficha(
            predial,
            tomada=tomada,
            llamada=tomada + dt.timedelta(minutes=minutos),
            atendida_por=persona,
        )
    for minutos in (5, 7):
        tomada = _a_las(hoy, 9)
        ficha(agua, tomada=tomada, llamada=tomada + dt.timedelta(minutes=minutos))
    ficha(agua, tomada=_a_las(hoy, 10))  # still waiting: no wait measured yet
    return hoy


def _mes(hoy):
    return {"desde": hoy.strftime("%Y-%m"), "hasta": hoy.strftime("%Y-%m")}


def test_wait_per_sede_today_and_in_the_period(client, esperas):
    datos = client.get("/api/estadisticas/espera-por-sede/", _mes(esperas)).json()
    assert datos["titulo"] == "Espera promedio por sede"
    assert datos["datos"] == [
        {
            "sede": "Sede Centro",
            "espera hoy (minutos)": 30.0,
            "espera en el periodo (minutos)": 30.0,
            "turnos llamados en el periodo": 5,
        },
        {
            "sede": "Sede Norte",
            "espera hoy (minutos)": "omitido",
            "espera en el periodo (minutos)": "omitido",
            "turnos llamados en el periodo": "<5",
        },
    ]


def test_wait_per_sede_and_month(client, esperas):
    datos = client.get("/api/estadisticas/espera-por-sede-y-mes/", _mes(esperas)).json()
    assert datos["columnas"] == ["mes", "Sede Centro", "Sede Norte"]
    assert datos["datos"] == [
        {"mes": esperas.strftime("%Y-%m"), "Sede Centro": 30.0, "Sede Norte": "omitido"}
    ]


def test_no_person_or_window_in_the_public_figures(client, esperas):
    todo = client.get("/api/estadisticas/", _mes(esperas)).content.decode()
    assert "Rosa" not in todo and "servidor.uno" not in todo and "Ventanilla" not in todo
    assert "espera-por-sede" in todo


def test_a_period_without_fichas_publishes_no_number(client, esperas):
    hace_un_anio = esperas.replace(year=esperas.year - 1)
    datos = client.get("/api/estadisticas/espera-por-sede-y-mes/", _mes(hace_un_anio)).json()
    assert datos["datos"] == [{"mes": hace_un_anio.strftime("%Y-%m")}]
    por_sede = client.get("/api/estadisticas/espera-por-sede/", _mes(hace_un_anio)).json()
    # Today's wait is still shown for each sede; the period has none.
    assert por_sede["datos"][0]["espera en el periodo (minutos)"] is None
    assert por_sede["datos"][0]["espera hoy (minutos)"] == 30.0


def test_the_statistics_page_shows_the_wait_with_its_chart_and_downloads(
    client, esperas, estadisticas_page
):
    respuesta = client.get("/transparencia/estadisticas/", _mes(esperas))
    html = respuesta.content.decode()
    assert respuesta.status_code == 200
    assert 'id="fig-espera-por-sede"' in html and "Espera promedio por sede y mes" in html
    csv = client.get("/transparencia/estadisticas/datos/espera-por-sede/csv/", _mes(esperas))
    assert '"Sede Centro",30.0,30.0,5' in csv.content.decode("utf-8-sig")
