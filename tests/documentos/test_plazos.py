from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from documentos.models import DiaInhabil, Escrito
from documentos.plazos import (
    Semaforo,
    anotar_semaforo,
    dias_habiles_entre,
    plazo_legal,
    semaforo,
    sumar_dias_habiles,
    vencimiento,
)

pytestmark = pytest.mark.django_db
MX = ZoneInfo("America/Mexico_City")


def test_deadline_skips_weekend_and_national_holiday(settings):
    settings.FOLIO_PAIS = "MX"
    # Thursday 2026-03-12; Monday 2026-03-16 is a holiday in Mexico (Benito Juárez).
    assert sumar_dias_habiles(date(2026, 3, 12), 1) == date(2026, 3, 13)
    assert sumar_dias_habiles(date(2026, 3, 12), 2) == date(2026, 3, 17)
    assert sumar_dias_habiles(date(2026, 3, 12), 3) == date(2026, 3, 18)


def test_local_non_working_days_are_skipped(settings):
    settings.FOLIO_PAIS = "MX"
    DiaInhabil.objects.create(fecha=date(2026, 3, 17), descripcion="Feria del municipio")
    assert sumar_dias_habiles(date(2026, 3, 12), 2) == date(2026, 3, 18)


def test_country_calendars_differ(settings):
    # 2026-06-29 is San Pedro y San Pablo: a holiday in Peru and Colombia, not in Mexico.
    settings.FOLIO_PAIS = "MX"
    assert sumar_dias_habiles(date(2026, 6, 26), 1) == date(2026, 6, 29)
    settings.FOLIO_PAIS = "PE"
    assert sumar_dias_habiles(date(2026, 6, 26), 1) == date(2026, 6, 30)


def test_legal_terms_by_country_and_installation(settings):
    settings.FOLIO_PAIS, settings.FOLIO_PLAZOS = "CO", {}
    assert plazo_legal(Escrito.Tipo.PETICION) == 15
    assert plazo_legal(Escrito.Tipo.SOLICITUD_INFORMACION) == 10
    settings.FOLIO_PAIS = "MX"
    assert plazo_legal(Escrito.Tipo.SOLICITUD_INFORMACION) == 20
    settings.FOLIO_PLAZOS = {"solicitud_informacion": 5}
    assert plazo_legal(Escrito.Tipo.SOLICITUD_INFORMACION) == 5


def test_reception_late_at_night_counts_in_local_time(settings):
    settings.FOLIO_PAIS, settings.FOLIO_PLAZOS = "MX", {"peticion": 1}
    # Friday 23:30 in Mexico City is already Saturday in UTC; the term still starts Friday.
    recibido = datetime(2026, 3, 6, 23, 30, tzinfo=MX)
    assert vencimiento(Escrito.Tipo.PETICION, recibido) == date(2026, 3, 9)


def test_business_days_between():
    assert dias_habiles_entre(date(2026, 3, 6), date(2026, 3, 9)) == 1
    assert dias_habiles_entre(date(2026, 3, 9), date(2026, 3, 9)) == 0
    assert dias_habiles_entre(date(2026, 3, 12), date(2026, 3, 18)) == 3


@pytest.mark.parametrize(
    ("vence", "estado", "esperado"),
    [
        (date(2026, 3, 30), Escrito.Estado.TURNADO, Semaforo.A_TIEMPO),
        (date(2026, 3, 11), Escrito.Estado.TURNADO, Semaforo.POR_VENCER),
        (date(2026, 3, 9), Escrito.Estado.TURNADO, Semaforo.POR_VENCER),
        (date(2026, 3, 6), Escrito.Estado.EN_ATENCION, Semaforo.VENCIDO),
        (date(2026, 3, 6), Escrito.Estado.RESPONDIDO, Semaforo.ATENDIDO),
        (None, Escrito.Estado.RECIBIDO, Semaforo.SIN_PLAZO),
    ],
)
def test_semaforo_in_python_and_in_sql_agree(recibir, settings, vence, estado, esperado):
    settings.FOLIO_DIAS_POR_VENCER = 3
    hoy = date(2026, 3, 9)  # Monday
    escrito = recibir()
    Escrito.objects.filter(pk=escrito.pk).update(vence_en=vence, estado=estado)
    escrito.refresh_from_db()
    assert semaforo(escrito, hoy=hoy) == esperado
    assert anotar_semaforo(Escrito.objects.all(), hoy=hoy).get().semaforo == esperado.value
