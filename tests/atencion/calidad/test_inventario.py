"""The inventory of an área's trámites with their live figures, against numbers checked by
hand on the June 2026 fixture (tests/atencion/calidad/conftest.py).

Constancia de no adeudo (Catastro, Predial, servicio A): 5 escritos in June (the May one and
the cancelled queja do not count); 4 answered after 2, 5, 15 and 1 business days: median 3.5,
p90 5 + (15 - 5) * 0.7 = 12.0; on time 3 of 5 due (one late, one queja overdue): 60.0 %; 4
turnos in June (the July one does not count), 3 attended, waits 10, 40, 20 and 20 (no-show):
mean 22.5, p90 20 + 20 * 0.7 = 34.0; 7 surveys (3 turnos, 4 escritos of Predial) with
4, 2, 3, 5, 4, 3, 1: 22 / 7 = 3.14; a queja and a denuncia; one coyotaje report.
Avalúo catastral (Catastro, Avalúos, no servicio): 2 escritos answered after 2 and 2 days,
on time; no turnos (the área's are the Constancia's); 2 surveys: under k = 5, no mean.
Catastro as a whole also counts the escrito without a tema: 8 escritos, 6 answered
(1, 2, 2, 2, 5, 15: median 2.0, p90 5 + 10 * 0.5 = 10.0), 5 of 7 due on time: 71.4 %, and 9
surveys: 31 / 9 = 3.44."""

import pytest

from atencion.calidad import selectors_diagnostico as sel
from tests.atencion.calidad.conftest import JUNIO

pytestmark = pytest.mark.django_db


def figuras(c) -> tuple:
    return (
        c.escritos,
        c.respondidos,
        c.respuesta_mediana,
        c.respuesta_p90,
        c.en_plazo_pct,
        c.fichas,
        c.atendidas,
        c.espera_media,
        c.espera_p90,
        c.encuestas,
        c.satisfaccion,
        c.quejas,
        c.coyotaje,
    )


def test_inventario_de_catastro(junio_calidad, area_calidad):
    inventario = sel.inventario(area_calidad, *JUNIO)
    filas = {f.tramite.titulo: f for f in inventario.filas}
    assert list(filas) == ["Avalúo catastral", "Constancia de no adeudo"]
    constancia, avaluo = filas["Constancia de no adeudo"], filas["Avalúo catastral"]
    assert constancia.tramite.clave == "CAT-01"
    assert figuras(constancia.cifras) == (5, 4, 3.5, 12.0, 60.0, 4, 3, 22.5, 34.0, 7, 3.14, 2, 1)
    assert figuras(avaluo.cifras) == (2, 2, 2.0, 2.0, 100.0, 0, 0, None, None, 2, None, 0, 0)
    assert figuras(inventario.total) == (8, 6, 2.0, 10.0, 71.4, 4, 3, 22.5, 34.0, 9, 3.44, 2, 1)
    assert (constancia.comparten_escritos, avaluo.comparten_escritos) == (0, 0)
    assert not constancia.sin_datos


def test_inventario_de_obras_con_un_tramite_sin_datos(junio_calidad):
    obras = junio_calidad["obras"]
    inventario = sel.inventario(obras, *JUNIO)
    filas = {f.tramite.titulo: f for f in inventario.filas}
    # The draft trámite is not in the catalog.
    assert list(filas) == ["Cambio de uso de suelo", "Licencia de construcción"]
    licencia, suelo = filas["Licencia de construcción"], filas["Cambio de uso de suelo"]
    # Waits 60, 60, 30, 30, 20: mean 40.0, p90 60.0; surveys 2, 2, 3, 1, 2 and 3: 13 / 6.
    assert figuras(licencia.cifras) == (1, 1, 9.0, 9.0, 100.0, 5, 5, 40.0, 60.0, 6, 2.17, 0, 0)
    assert suelo.sin_datos
    assert figuras(suelo.cifras) == (0, 0, None, None, None, 0, 0, None, None, 0, None, 0, 0)


def test_los_tramites_que_comparten_tema_lo_dicen(junio_calidad, area_calidad):
    from tests.atencion.calidad import datos

    predial = junio_calidad["temas"][0]
    datos.tramite("Certificado de valor catastral", area_calidad, predial)
    datos.tramite("Consulta de cartografía", area_calidad)  # no tema: all of the área's
    filas = {f.tramite.titulo: f for f in sel.inventario(area_calidad, *JUNIO).filas}
    assert filas["Constancia de no adeudo"].comparten_escritos == 2
    assert filas["Avalúo catastral"].comparten_escritos == 1
    assert filas["Consulta de cartografía"].comparten_escritos == 3
    assert filas["Consulta de cartografía"].cifras.escritos == 8
    assert filas["Certificado de valor catastral"].cifras.escritos == 5


def test_el_periodo_limita_las_cifras(junio_calidad, area_calidad):
    import datetime as dt

    julio = sel.inventario(area_calidad, dt.date(2026, 7, 1), dt.date(2026, 7, 31))
    assert (julio.total.escritos, julio.total.fichas, julio.total.espera_media) == (0, 1, 90.0)
