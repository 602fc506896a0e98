"""The demo evaluations: one approved with its frozen informe, one half scored; once."""

import hashlib

import pytest
from django.contrib.auth import get_user_model

from atencion import demo, demo_calidad
from atencion.models import Criterio, Evaluacion, ModeloCalidad
from cms import roles
from cms.demo_contenido import cargar_paginas

pytestmark = pytest.mark.django_db
E = Evaluacion.Estado


@pytest.fixture(autouse=True)
def media_propia(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def test_dos_tramites_evaluados_uno_aprobado_y_otro_en_curso(db):
    cargar_paginas()  # áreas, temas and the trámite catalogue
    demo.cargar()  # the window servicios
    assert demo_calidad.cargar(clave="clave-demo") == 2

    modelo = ModeloCalidad.objects.get()
    assert modelo.componentes.count() == 6
    total = Criterio.objects.filter(componente__modelo=modelo).count()

    predial = Evaluacion.objects.get(nombre="Pago del impuesto predial")
    assert predial.estado == E.APROBADA
    assert predial.area.siglas == "FIN" and predial.tramite.title == "Pago del impuesto predial"
    assert [s.prefijo for s in predial.servicios.all()] == ["B"]
    assert predial.aprobada_por.username == "gerente.municipal"
    assert predial.calificaciones.count() == total
    assert predial.oportunidades.count() == 3
    assert predial.calificaciones.filter(evidencias__isnull=False).count() == 1
    with predial.informe.open("rb") as informe:
        assert hashlib.sha256(informe.read()).hexdigest() == predial.informe_sha256
    # Prioritised through the prioritisation service: its snapshot of the criteria.
    assert predial.creada_por.username == "gerente.municipal"
    assert predial.priorizacion["hasta"] == predial.periodo_hasta.isoformat()

    licencia = Evaluacion.objects.get(nombre="Licencia de construcción")
    assert licencia.estado == E.EN_EVALUACION and not licencia.informe
    assert 0 < licencia.calificaciones.count() < total
    assert licencia.oportunidades.count() == 1

    usuarios = get_user_model().objects
    gerente = usuarios.get(username="gerente.municipal")
    assert gerente.check_password("clave-demo")
    assert gerente.groups.filter(name=roles.MAXIMA_AUTORIDAD).exists()
    assert gerente.has_perm("wagtailadmin.access_admin")
    moderniza = usuarios.get(username="modernizacion")
    assert moderniza.check_password("clave-demo")
    assert moderniza.has_perm("atencion.change_modelocalidad")
    for nombre in ("evaluadora.calidad", "evaluador.calidad"):
        assert usuarios.get(username=nombre).has_perm("wagtailadmin.access_admin")

    # A second run adds nothing.
    assert demo_calidad.cargar(clave="clave-demo") == 0
    assert Evaluacion.objects.count() == 2 and ModeloCalidad.objects.count() == 1
    predial.refresh_from_db()
    assert predial.estado == E.APROBADA


def test_sin_el_catalogo_de_la_demo_no_hace_nada(db):
    assert demo_calidad.cargar(clave="x") == 0
    assert not Evaluacion.objects.exists()
