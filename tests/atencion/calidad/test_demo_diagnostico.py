"""The demo diagnóstico: a clima survey and an infrastructure checklist for Finanzas and Obra
Pública, by each área's titular, once."""

import pytest
from django.utils import timezone

from atencion import demo_diagnostico
from atencion.calidad import selectors_diagnostico as sel
from atencion.forms_diagnostico import periodo_por_defecto
from atencion.models import EncuestaClima, RevisionInfraestructura
from cms import roles
from tests.factories import AreaFactory, UsuarioFactory

pytestmark = pytest.mark.django_db


def test_el_demo_registra_el_diagnostico_de_dos_areas_una_vez(db):
    finanzas = AreaFactory(nombre="Secretaría de Finanzas", siglas="FIN")
    obras = AreaFactory(nombre="Dirección de Obra Pública", siglas="DOP")
    titular = UsuarioFactory(username="titular.fin", roles=[roles.AREA], areas=[finanzas])
    UsuarioFactory(username="operativo.dop", roles=[roles.AREA], areas=[obras])
    admin = UsuarioFactory(username="admin", is_superuser=True)
    assert demo_diagnostico.cargar() == 2
    assert EncuestaClima.objects.count() == RevisionInfraestructura.objects.count() == 2
    clima = EncuestaClima.objects.get(area=finanzas)
    assert (clima.registrada_por, clima.participantes, clima.personal) == (titular, 14, 17)
    assert clima.resultados["condiciones"] == 2.7
    assert clima.periodo_hasta == timezone.localdate()
    assert RevisionInfraestructura.objects.get(area=obras).registrada_por == admin
    # The default period of the Diagnóstico page shows them, with their findings.
    diagnostico = sel.diagnostico(finanzas, *periodo_por_defecto())
    assert diagnostico.clima == clima
    assert (
        "Infraestructura: Asientos y sala de espera en estado inadecuado." in diagnostico.hallazgos
    )
    assert demo_diagnostico.cargar() == 0
    assert EncuestaClima.objects.count() == RevisionInfraestructura.objects.count() == 2


def test_sin_las_areas_del_demo_no_hace_nada(db):
    assert demo_diagnostico.cargar() == 0
    assert not EncuestaClima.objects.exists()
