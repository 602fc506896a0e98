"""Mi trabajo: what each role's landing counts and lists."""

from datetime import timedelta

import pytest
from django.utils import timezone

from cms import roles
from documentos import selectors_trabajo
from documentos.models import Escrito, Respuesta
from documentos.services import flujo
from tests.factories import UsuarioFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def oficina(ligero, oficialia, obras, finanzas, titular_obras, operativo_obras):
    """Not turned (overdue 3 days), turned to Obras unassigned, assigned in Obras (por
    vencer), turned to Finanzas (overdue 1 day), concluded (overdue date, not counted)."""
    hoy = timezone.localdate()
    sin_turnar = ligero(asunto="Sin turnar")
    por_asignar = ligero(asunto="Por asignar")
    flujo.turnar(por_asignar, obras, usuario=oficialia)
    asignado = ligero(asunto="Asignado")
    flujo.turnar(asignado, obras, usuario=oficialia)
    flujo.asignar(asignado, operativo_obras, usuario=titular_obras)
    de_finanzas = ligero(asunto="De finanzas")
    flujo.turnar(de_finanzas, finanzas, usuario=oficialia)
    concluido = ligero(asunto="Concluido")
    vence = {
        sin_turnar: hoy - timedelta(days=3),
        por_asignar: hoy + timedelta(days=40),
        asignado: hoy,
        de_finanzas: hoy - timedelta(days=1),
        concluido: hoy - timedelta(days=9),
    }
    for escrito, fecha in vence.items():
        Escrito.objects.filter(pk=escrito.pk).update(vence_en=fecha)
    Escrito.objects.filter(pk=concluido.pk).update(estado=Escrito.Estado.CONCLUIDO)
    return {
        "sin_turnar": sin_turnar,
        "por_asignar": por_asignar,
        "asignado": asignado,
        "de_finanzas": de_finanzas,
    }


def _totales(usuario) -> dict[str, int]:
    return {s.clave: s.total for s in selectors_trabajo.mi_trabajo(usuario).secciones}


def _folios(usuario, clave) -> list[str]:
    seccion = next(s for s in selectors_trabajo.mi_trabajo(usuario).secciones if s.clave == clave)
    return [f.escrito.folio for f in seccion.filas]


def test_the_clerk_counts_por_turnar_and_every_deadline(oficina, oficialia):
    assert _totales(oficialia) == {"por_turnar": 1, "mios": 0, "por_vencer": 1, "vencidos": 2}
    assert _folios(oficialia, "por_turnar") == [oficina["sin_turnar"].folio]
    # Most overdue first, with its days overdue; the concluded one is not pending.
    vencidos = selectors_trabajo.mi_trabajo(oficialia).secciones[3].filas
    assert [(f.escrito.folio, f.dias_vencido) for f in vencidos] == [
        (oficina["sin_turnar"].folio, 3),
        (oficina["de_finanzas"].folio, 1),
    ]
    assert selectors_trabajo.mi_trabajo(oficialia).vencidos_por_area is None


def test_area_staff_count_their_area_and_what_is_assigned_to_them(
    oficina, titular_obras, operativo_obras, staff_finanzas
):
    assert _totales(titular_obras) == {
        "por_asignar": 1,
        "mios": 0,
        "por_vencer": 1,
        "vencidos": 0,
        "por_firmar": 0,
    }
    assert _folios(titular_obras, "por_asignar") == [oficina["por_asignar"].folio]
    assert _totales(operativo_obras)["mios"] == 1
    assert _folios(operativo_obras, "mios") == [oficina["asignado"].folio]
    assert _totales(staff_finanzas)["vencidos"] == 1


def test_answers_to_sign_until_the_remitente_reads_them(
    oficina, operativo_obras, titular_obras, staff_finanzas
):
    escrito = oficina["asignado"]
    flujo.responder(
        escrito, usuario=operativo_obras, sentido=Respuesta.Sentido.POSITIVA, texto="Listo"
    )
    assert _folios(operativo_obras, "por_firmar") == [escrito.folio]
    assert _totales(titular_obras)["por_firmar"] == 1
    assert _totales(staff_finanzas)["por_firmar"] == 0
    escrito.respuestas.update(consultada_en=timezone.now())
    assert _totales(operativo_obras)["por_firmar"] == 0


def test_the_contraloria_sees_overdue_by_area(oficina, finanzas):
    contraloria = UsuarioFactory(username="contralora", roles=[roles.CONTRALORIA])
    trabajo = selectors_trabajo.mi_trabajo(contraloria)
    assert [(v.nombre, v.total, v.dias_max) for v in trabajo.vencidos_por_area] == [
        ("Finanzas", 1, 1),
        ("Sin turnar", 1, 3),
    ]
    assert trabajo.vencidos_por_area[0].area_id == finanzas.pk
    assert trabajo.secciones[-1].clave == "por_revisar"


def test_mi_trabajo_costs_a_few_queries_whatever_the_rows(
    oficina, ligero, titular_obras, obras, oficialia, django_assert_max_num_queries
):
    for n in range(6):
        flujo.turnar(ligero(asunto=f"Más {n}"), obras, usuario=oficialia)
    with django_assert_max_num_queries(16):
        trabajo = selectors_trabajo.mi_trabajo(titular_obras)
        assert len(trabajo.secciones[0].filas) == 5
