"""The plan's activities are atencion.Actividad rows: read in a fixed number of queries,
edited on their own, and shown on the public page at once."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.blocks.stream_block import StreamBlockValidationError

from atencion.models import Actividad, Seguimiento
from cms import services_plan
from cms.cronograma import leer_plan
from cms.models import PlanAnticorrupcionPage
from tests.factories import ActividadFactory

pytestmark = pytest.mark.django_db


def _todo(plan):
    """Everything the page, the cronograma and the exports read of the plan."""
    return [
        (
            a.numero,
            a.nombre,
            a.meta,
            a.indicador,
            a.responsable_nombre,
            a.avance,
            a.estado,
            [
                (s.fecha, s.avance, s.evidencia and (s.evidencia.title, s.evidencia.url))
                for s in a.seguimiento
            ],
        )
        for a in plan.actividades
    ]


def test_a_plan_of_fifty_activities_is_read_in_two_queries(plan_grande, django_assert_num_queries):
    pagina = PlanAnticorrupcionPage.objects.get(pk=plan_grande.pk)
    with django_assert_num_queries(2):  # the activities (área, indicator), their seguimientos
        datos = _todo(leer_plan(pagina, hoy=dt.date(2026, 9, 1)))
    assert len(datos) == 50 and datos[0][0] == "1.1" and datos[-1][0] == "5.10"
    assert datos[0][3:7] == ("Indicador", "Dirección de Obra Pública", 60, "en_curso")
    assert datos[0][7][-1][2][0] == "Acta de la sesión"


def test_the_page_costs_the_same_queries_for_three_activities_or_fifty(client, plan, plan_grande):
    def consultas(url):
        with CaptureQueriesContext(connection) as capturadas:
            assert client.get(url).status_code == 200
        return len(capturadas)

    client.get("/")  # the site, its settings and the menus are cached after a first request
    assert consultas("/transparencia/plan-grande/") == consultas("/transparencia/plan/")
    assert consultas("/transparencia/plan-grande/exportar/csv/") == consultas(
        "/transparencia/plan/exportar/csv/"
    )


def test_a_new_seguimiento_shows_on_the_public_page_without_republishing(client, plan):
    publicada = PlanAnticorrupcionPage.objects.get(pk=plan.pk).last_published_at
    antes = client.get("/transparencia/plan/").content.decode()
    assert "Avance general del plan: <strong>50 %</strong>" in antes

    monitoreo = Actividad.objects.get(nombre="Monitoreo de controles")
    Seguimiento.objects.create(actividad=monitoreo, fecha=dt.date(2026, 5, 31), avance=60)

    despues = client.get("/transparencia/plan/").content.decode()
    assert "Avance general del plan: <strong>70 %</strong>" in despues  # (100 + 60 + 50) / 3
    assert 'aria-valuenow="80"' in despues  # componente 1: (100 + 60) / 2
    assert "31/05/2026: 60 %" in despues
    assert PlanAnticorrupcionPage.objects.get(pk=plan.pk).last_published_at == publicada


def test_an_activity_twice_in_the_plan_is_refused(plan):
    pagina = PlanAnticorrupcionPage.objects.get(pk=plan.pk)
    mapa = Actividad.objects.get(nombre="Mapa de riesgos")
    pagina.componentes[1].value["actividades"].append(mapa)
    bloque = pagina.componentes.stream_block
    with pytest.raises(StreamBlockValidationError) as error:
        bloque.clean(pagina.componentes)
    mensaje = str(error.value.block_errors[1].block_errors["actividades"].block_errors[1])
    assert "La actividad «Mapa de riesgos» ya está en este plan." in mensaje


def test_a_deleted_activity_leaves_the_plan_and_the_numbers_follow(client, plan):
    Actividad.objects.get(nombre="Mapa de riesgos").delete()
    datos = leer_plan(PlanAnticorrupcionPage.objects.get(pk=plan.pk), hoy=dt.date(2026, 5, 15))
    assert [(a.numero, a.nombre) for a in datos.actividades] == [
        ("1.1", "Monitoreo de controles"),
        ("2.1", "Licencia en línea"),
    ]
    assert client.get("/transparencia/plan/").status_code == 200


def test_the_plan_is_found_by_the_words_of_its_activities(plan):
    encontradas = PlanAnticorrupcionPage.objects.live().search("monitoreo controles")
    assert [p.pk for p in encontradas] == [plan.pk]


def test_an_accion_de_mejora_goes_into_mecanismos_and_the_plan_is_published(client, transparencia):
    plan = PlanAnticorrupcionPage(
        title="Plan 2026",
        slug="plan",
        vigencia=2026,
        componentes=[
            (
                "componente",
                {"nombre": services_plan.MECANISMOS, "descripcion": "", "actividades": []},
            ),
        ],
    )
    transparencia.add_child(instance=plan)
    plan.save_revision().publish()
    accion = ActividadFactory(
        nombre="Sillas en la sala de espera", cortes=[(dt.date(2026, 3, 1), 25)]
    )

    pagina = PlanAnticorrupcionPage.objects.get(pk=plan.pk)
    assert services_plan.agregar_actividad(
        pagina, accion, "mecanismos para mejorar la atención al ciudadano"
    )
    assert not services_plan.agregar_actividad(
        PlanAnticorrupcionPage.objects.get(pk=plan.pk), accion
    )
    html = client.get("/transparencia/plan/").content.decode()
    assert "Sillas en la sala de espera" in html and "25 %" in html
    with pytest.raises(ValueError, match="no tiene el componente «Rendición de cuentas»"):
        services_plan.agregar_actividad(pagina, ActividadFactory(), "Rendición de cuentas")


def test_the_demo_plan_is_made_of_rows_once_with_its_mecanismos_componente(client):
    from cms.demo_contenido import cargar_paginas

    plan = cargar_paginas()["plan"]
    filas = Actividad.objects.count()
    cortes = Seguimiento.objects.count()
    assert filas == 10
    assert Actividad.objects.filter(indicador__nombre="Escritos recibidos en línea").exists()
    cargar_paginas()
    assert (Actividad.objects.count(), Seguimiento.objects.count()) == (filas, cortes)
    datos = leer_plan(PlanAnticorrupcionPage.objects.get(pk=plan.pk))
    mecanismos = next(c for c in datos.componentes if c.nombre == services_plan.MECANISMOS)
    assert [a.nombre for a in mecanismos.actividades] == [
        "Poner en marcha la Oficialía de Partes electrónica",
        "Capacitar al personal de ventanilla",
    ]
    assert mecanismos.actividades[0].responsable.siglas == "OFP"
    assert client.get(plan.url).status_code == 200


def test_an_accion_de_mejora_added_to_a_plan_with_a_draft_stays_in_the_draft(client, plan):
    pagina = PlanAnticorrupcionPage.objects.get(pk=plan.pk)
    pagina.title = "Plan Anticorrupción 2026 (en revisión)"
    pagina.save_revision()
    accion = ActividadFactory(nombre="Sillas en la sala de espera")
    componente = "Racionalización de trámites"

    pagina = PlanAnticorrupcionPage.objects.get(pk=plan.pk)
    assert services_plan.agregar_actividad(pagina, accion, componente)
    pagina = PlanAnticorrupcionPage.objects.get(pk=plan.pk)
    borrador = pagina.get_latest_revision_as_object()
    assert borrador.title == "Plan Anticorrupción 2026 (en revisión)"
    assert "Sillas en la sala de espera" in [a.nombre for a in leer_plan(borrador).actividades]
    assert "Sillas en la sala de espera" not in client.get("/transparencia/plan/").content.decode()
