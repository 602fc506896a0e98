"""The live figures of an ámbito: what is attributed to a trámite and what is not."""

import pytest

from atencion.calidad.indicadores import Ambito, cifras
from atencion.models import Evaluacion
from tests.atencion.calidad.conftest import JUNIO

pytestmark = pytest.mark.django_db


def test_las_encuestas_de_escritos_cuentan_solo_en_su_tema(junio_calidad, area_calidad):
    predial, avaluos, *_ = junio_calidad["temas"]
    a, _b = junio_calidad["servicios"]
    # Avalúos: its two escrito surveys and the área's 3 turno surveys, not Predial's 4.
    assert cifras(Ambito(area_calidad.pk, avaluos.pk), *JUNIO).encuestas == 5
    sin_ventanilla = Ambito(area_calidad.pk, avaluos.pk, con_ventanilla=False)
    assert cifras(sin_ventanilla, *JUNIO).encuestas == 2
    # Constancia: its 3 ficha surveys and the 4 of its tema's escritos (not Avalúos' 2).
    constancia = cifras(Ambito(area_calidad.pk, predial.pk, (a.pk,)), *JUNIO)
    assert (constancia.encuestas, constancia.satisfaccion) == (7, 3.14)
    # Without a tema, the área: every survey of Catastro.
    assert cifras(Ambito(area_calidad.pk), *JUNIO).encuestas == 9


def test_la_evaluacion_de_un_tramite_sin_servicios_no_cuenta_turnos_del_area(
    junio_calidad, area_calidad, modelo, maxima_autoridad
):
    from wagtail.models import Page

    avaluos = junio_calidad["temas"][1]
    evaluacion = Evaluacion.objects.create(
        nombre="Avalúo catastral",
        modelo=modelo,
        tramite=Page.objects.get(title="Avalúo catastral"),
        area=area_calidad,
        tema=avaluos,
        periodo_desde=JUNIO[0],
        periodo_hasta=JUNIO[1],
        creada_por=maxima_autoridad,
    )
    figuras = cifras(Ambito.de_evaluacion(evaluacion), *JUNIO)
    assert (figuras.escritos, figuras.fichas, figuras.encuestas) == (2, 0, 2)
    assert figuras.espera_media is None
    # An evaluation of the área's attention (no trámite) keeps the área's turnos.
    evaluacion.tramite = None
    assert cifras(Ambito.de_evaluacion(evaluacion), *JUNIO).fichas == 4
