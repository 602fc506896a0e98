"""The prioritisation of the catalog's trámites on the June 2026 fixture, checked by hand.

Raw values (volumen = escritos + turnos; quejas = quejas/denuncias + coyotaje; insatisfacción
= 5 - satisfaction; fuera de plazo = 100 - on-time %; espera = mean wait):
  Constancia  9, 3, 1.86, 40.0, 22.5
  Licencia    6, 0, 2.83,  0.0, 40.0
  Avalúo      2, 0, —,     0.0, —
  Uso de suelo: nothing (no data, last).
Scores (100 = the highest): volumen 100, 66.7, 22.2; quejas 100, 0, 0; insatisfacción
1.86 / 2.83 = 65.7, 100, sin datos; demoras (100 + 56.25) / 2 = 78.1, (0 + 100) / 2 = 50.0, 0.
Totals (weights 20/30/25/25): 20 + 30 + 16.43 + 19.53 = 86.0; 13.33 + 25 + 12.5 = 50.8; 4.4."""

import pytest

from atencion.calidad import selectors_priorizacion as sel
from tests.atencion.calidad.conftest import JUNIO

pytestmark = pytest.mark.django_db


def test_orden_y_puntajes(junio_calidad):
    priorizacion = sel.priorizacion(*JUNIO)
    filas = [
        (f.tramite.titulo, f.posicion, f.total, [p for _c, _e, p in f.criterios()])
        for f in priorizacion.filas
    ]
    assert filas == [
        ("Constancia de no adeudo", 1, 86.0, [100.0, 100.0, 65.7, 78.1]),
        ("Licencia de construcción", 2, 50.8, [66.7, 0.0, 100.0, 50.0]),
        ("Avalúo catastral", 3, 4.4, [22.2, 0.0, None, 0.0]),
        ("Cambio de uso de suelo", None, None, [None, None, None, None]),
    ]
    constancia = priorizacion.filas[0]
    assert (
        constancia.volumen,
        constancia.quejas,
        constancia.insatisfaccion,
        constancia.fuera_de_plazo_pct,
        constancia.espera_media,
    ) == (9, 3, 1.86, 40.0, 22.5)
    assert priorizacion.filas[-1].sin_datos
    assert sum(sel.PESOS.values()) == pytest.approx(1)
    assert priorizacion.pesos()[1] == ("Quejas y denuncias", 30)


def test_sin_datos_en_el_periodo_nadie_tiene_total(junio_calidad):
    import datetime as dt

    filas = sel.priorizacion(dt.date(2025, 1, 1), dt.date(2025, 1, 31)).filas
    assert all(f.sin_datos and f.total is None and f.posicion is None for f in filas)
    assert [f.tramite.titulo for f in filas] == [  # by title
        "Avalúo catastral",
        "Cambio de uso de suelo",
        "Constancia de no adeudo",
        "Licencia de construcción",
    ]


def test_la_instantanea_guarda_valores_puntajes_y_pesos(junio_calidad):
    fila = sel.priorizacion(*JUNIO).filas[1]
    instantanea = fila.como_dict()
    assert instantanea["tramite"] == "Licencia de construcción"
    assert (instantanea["posicion"], instantanea["total"]) == (2, 50.8)
    assert instantanea["valores"]["espera_media"] == 40.0
    assert instantanea["puntajes"]["insatisfaccion"] == 100.0
    assert instantanea["pesos"]["quejas"] == 0.3
    assert instantanea["cifras"]["desde"] == "2026-06-01"
    assert instantanea["cifras"]["fichas"] == 5


def test_los_tramites_que_comparten_escritos_lo_dicen(junio_calidad, area_calidad):
    from tests.atencion.calidad import datos

    datos.tramite("Certificado de valor catastral", area_calidad, junio_calidad["temas"][0])
    filas = {f.tramite.titulo: f for f in sel.priorizacion(*JUNIO).filas}
    certificado, constancia = (
        filas["Certificado de valor catastral"],
        filas["Constancia de no adeudo"],
    )
    assert (certificado.comparten_escritos, constancia.comparten_escritos) == (1, 1)
    assert filas["Licencia de construcción"].comparten_escritos == 0
    # The same 5 escritos, but none of the Constancia's turnos.
    assert (certificado.cifras.escritos, certificado.cifras.fichas) == (5, 0)
    assert certificado.volumen == 5
