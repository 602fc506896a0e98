import datetime as dt
from types import SimpleNamespace

from archivo.retencion import (
    Pendiente,
    fecha_fin_concentracion,
    fecha_fin_tramite,
    pendiente,
    sumar_anios,
)


def regla(at=2, ac=5, destino="baja"):
    return SimpleNamespace(anios_tramite=at, anios_concentracion=ac, destino=destino)


def test_los_anios_se_cuentan_desde_el_cierre():
    cierre = dt.date(2026, 3, 15)
    assert fecha_fin_tramite(cierre, regla()) == dt.date(2028, 3, 15)
    assert fecha_fin_concentracion(cierre, regla()) == dt.date(2033, 3, 15)


def test_el_29_de_febrero_cae_en_28_en_anio_comun():
    assert sumar_anios(dt.date(2024, 2, 29), 1) == dt.date(2025, 2, 28)
    assert sumar_anios(dt.date(2024, 2, 29), 4) == dt.date(2028, 2, 29)
    # 2 + 2 years lands on a leap year again: no drift to the 28th on the way.
    assert fecha_fin_concentracion(dt.date(2024, 2, 29), regla(2, 2)) == dt.date(2028, 2, 29)
    assert fecha_fin_tramite(dt.date(2024, 2, 29), regla(2, 2)) == dt.date(2026, 2, 28)


def test_sin_fecha_de_cierre_no_corre_el_plazo():
    assert fecha_fin_tramite(None, regla()) is None
    assert fecha_fin_concentracion(None, regla()) is None
    assert pendiente(None, regla(0, 0), "tramite", dt.date(2090, 1, 1)) is None


def test_cero_anios_vence_el_mismo_dia_del_cierre():
    cierre = dt.date(2026, 5, 4)
    assert fecha_fin_tramite(cierre, regla(0, 0)) == cierre
    assert pendiente(cierre, regla(0, 0), "tramite", cierre) == Pendiente.TRANSFERENCIA_PRIMARIA
    assert pendiente(cierre, regla(0, 0), "concentracion", cierre) == Pendiente.BAJA


def test_lo_pendiente_segun_etapa_y_destino():
    cierre = dt.date(2020, 1, 10)
    assert pendiente(cierre, regla(2, 5), "tramite", dt.date(2022, 1, 9)) is None
    assert pendiente(cierre, regla(2, 5), "tramite", dt.date(2022, 1, 10)) == (
        Pendiente.TRANSFERENCIA_PRIMARIA
    )
    assert pendiente(cierre, regla(2, 5), "concentracion", dt.date(2027, 1, 9)) is None
    hoy = dt.date(2027, 1, 10)
    assert pendiente(cierre, regla(2, 5, "baja"), "concentracion", hoy) == Pendiente.BAJA
    assert pendiente(cierre, regla(2, 5, "conservacion"), "concentracion", hoy) == (
        Pendiente.TRANSFERENCIA_SECUNDARIA
    )
    assert pendiente(cierre, regla(2, 5, "seleccion"), "concentracion", hoy) == (
        Pendiente.VALORACION
    )
    assert pendiente(cierre, regla(2, 5), "historico", hoy) is None
