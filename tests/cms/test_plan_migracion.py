"""cms migration 0007: the plan's activities leave the StreamField for atencion.Actividad
rows (and come back when migrating backwards)."""

import datetime as dt
import json

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from wagtail.models import Revision

from atencion.models import Actividad, Indicador, Seguimiento
from cms.cronograma import leer_plan
from cms.models import PlanAnticorrupcionPage
from tests.cms.conftest import actividad, publicar
from tests.factories import ActividadFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture(autouse=True)
def _tipos_de_contenido_frescos():
    """Migrating back and forth gives content types new ids and the teardown restores the
    old ones: Django's per-process cache of them must not outlive the test (a stale id
    broke a later test's FOREIGN KEY to django_content_type)."""
    yield
    ContentType.objects.clear_cache()


ANTES = ("cms", "0006_etiquetas")
HOY = dt.date(2026, 5, 15)


def _migrar(cms=None):
    """Migrate every app to its latest, cms to `cms` if given; returns the models of that
    state."""
    executor = MigrationExecutor(connection)
    destino = executor.loader.graph.leaf_nodes()
    if cms:
        destino = [n for n in destino if n[0] != "cms"] + [cms]
    executor.migrate(destino)
    return MigrationExecutor(connection).loader.project_state(destino).apps


def _resumen(pagina) -> list:
    """Everything the public page shows of each activity, in order."""
    return [
        (
            a.numero,
            a.nombre,
            a.meta,
            a.indicador,
            a.responsable_nombre,
            a.inicio,
            a.fin,
            a.avance,
            a.estado,
            [
                (s.fecha, s.avance, s.descripcion, s.evidencia and s.evidencia.title)
                for s in a.seguimiento
            ],
        )
        for a in leer_plan(pagina, hoy=HOY).actividades
    ]


def _actividades(crudo) -> list:
    return [item["value"] for bloque in crudo for item in bloque["value"]["actividades"]]


def test_the_activities_become_rows_in_order_and_an_unpublished_draft_stays_a_draft(
    transparencia, obras, finanzas, evidencia, admin_client
):
    d = dt.date
    mapa = actividad(
        "Mapa de riesgos", obras, d(2026, 1, 1), d(2026, 3, 31), [(d(2026, 4, 30), 100)]
    )
    Seguimiento.objects.create(
        actividad=mapa,
        fecha=d(2026, 2, 28),
        avance=40,
        descripcion="Borrador del mapa",
        evidencia=evidencia,
    )
    licencia = ActividadFactory(
        nombre="Licencia en línea",
        meta="Trámite 100 % en línea",
        indicador__nombre="Solicitudes en línea / total",
        area_responsable=finanzas,
        inicio=d(2026, 2, 1),
        fin=d(2026, 6, 30),
        cortes=[(d(2026, 4, 30), 50)],
    )
    plan = publicar(
        transparencia,
        PlanAnticorrupcionPage(
            title="Plan 2026",
            slug="plan",
            vigencia=2026,
            componentes=[
                (
                    "componente",
                    {
                        "nombre": "Gestión del riesgo de corrupción",
                        "descripcion": "",
                        "actividades": [
                            mapa,
                            actividad(
                                "Monitoreo de controles", finanzas, d(2026, 4, 1), d(2026, 12, 31)
                            ),
                        ],
                    },
                ),
                (
                    "componente",
                    {
                        "nombre": "Racionalización de trámites",
                        "descripcion": "",
                        "actividades": [licencia],
                    },
                ),
            ],
        ),
    )
    primera = plan.latest_revision_id
    plan = PlanAnticorrupcionPage.objects.get(pk=plan.pk)
    plan.title = "Plan Anticorrupción 2026"
    plan.save_revision().publish()
    plan = PlanAnticorrupcionPage.objects.get(pk=plan.pk)
    antes = _resumen(plan)
    assert [a[0] for a in antes] == ["1.1", "1.2", "2.1"]

    # Backwards: the rows go back into the StreamField, as the blocks had them.
    viejo = _migrar(ANTES)
    assert not viejo.get_model("atencion", "Actividad").objects.exists()
    assert not viejo.get_model("atencion", "Indicador").objects.exists()
    Pagina = viejo.get_model("cms", "PlanAnticorrupcionPage")
    crudo = list(Pagina.objects.get(pk=plan.pk).componentes.raw_data)
    primera_vieja = _actividades(crudo)[0]
    assert primera_vieja["actividad"] == "Mapa de riesgos"
    assert primera_vieja["responsable"] == obras.pk
    assert [s["value"]["fecha"] for s in primera_vieja["seguimiento"]] == [
        "2026-02-28",
        "2026-04-30",
    ]
    assert primera_vieja["seguimiento"][0]["value"]["evidencia"] == evidencia.pk
    RevisionVieja = viejo.get_model("wagtailcore", "Revision")
    viva = RevisionVieja.objects.get(pk=plan.live_revision_id)
    assert _actividades(json.loads(viva.content["componentes"]))[2]["indicador"] == (
        "Solicitudes en línea / total"
    )

    # As the old code left it: an older revision, and a draft that added a corte.
    antigua = RevisionVieja.objects.get(pk=primera)
    antigua.content = {**antigua.content, "componentes": json.dumps(crudo)}
    antigua.save()
    borrador_crudo = json.loads(json.dumps(crudo))
    _actividades(borrador_crudo)[2]["seguimiento"].append(
        {
            "type": "item",
            "value": {"fecha": "2026-05-31", "avance": 80, "descripcion": "", "evidencia": None},
        }
    )
    borrador = RevisionVieja.objects.create(
        content_type_id=viva.content_type_id,
        base_content_type_id=viva.base_content_type_id,
        object_id=viva.object_id,
        content={**viva.content, "componentes": json.dumps(borrador_crudo)},
        created_at=viva.created_at,
    )
    viejo.get_model("wagtailcore", "Page").objects.filter(pk=plan.pk).update(
        latest_revision=borrador, has_unpublished_changes=True
    )

    # Forwards: the same plan, now from rows.
    _migrar()
    plan = PlanAnticorrupcionPage.objects.get(pk=plan.pk)
    assert _resumen(plan) == antes
    assert list(Indicador.objects.order_by("nombre").values_list("nombre", "calculo")) == [
        ("Indicador", "manual"),
        ("Indicador", "manual"),
        ("Solicitudes en línea / total", "manual"),
        ("Solicitudes en línea / total", "manual"),  # of the draft's own row
    ]
    en_borrador = plan.get_latest_revision_as_object()
    assert [a[7] for a in _resumen(en_borrador)] == [100, 0, 80]
    assert [a[7] for a in _resumen(plan)] == [100, 0, 50]  # the draft's corte is not public
    ids_vivos = [a.pk for b in plan.componentes for a in b.value["actividades"]]
    ids_borrador = [a.pk for b in en_borrador.componentes for a in b.value["actividades"]]
    assert ids_vivos[:2] == ids_borrador[:2] and ids_vivos[2] != ids_borrador[2]
    assert Actividad.objects.count() == 4
    # The older revision keeps its JSON; opened, it has its componentes and no activities.
    antigua = Revision.objects.get(pk=primera)
    assert "Mapa de riesgos" in antigua.content["componentes"]
    vieja = leer_plan(antigua.as_object(), hoy=HOY)
    assert [(c.nombre, c.actividades) for c in vieja.componentes] == [
        ("Gestión del riesgo de corrupción", []),
        ("Racionalización de trámites", []),
    ]
    # The admin opens, shows and compares it; the draft opens in the editor.
    base = f"/admin/pages/{plan.pk}"
    for url in (
        f"{base}/revisions/{primera}/view/",
        f"{base}/revisions/compare/{primera}...live/",
        f"{base}/edit/",
        f"{base}/history/",
    ):
        assert admin_client.get(url).status_code == 200, url
    editor = admin_client.get(f"{base}/edit/").content.decode()
    assert "Monitoreo de controles" in editor
