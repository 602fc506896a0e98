"""Acciones de mejora measured: before/after against hand-checked figures, the state and
semáforo of each action, and the alerts (overdue, indicator off target) per person."""

import datetime as dt
from decimal import Decimal

import pytest

from atencion.calidad import estados
from atencion.calidad import selectors_mejora as sel
from atencion.models import Evaluacion, Indicador
from cms import cronograma
from tests.atencion.calidad.mejora import DESPUES_DEL_FIN, FIN, INICIO, accion, seguimiento
from tests.factories import UsuarioFactory

pytestmark = pytest.mark.django_db
C = Indicador.Calculo
D = Decimal


def test_the_plan_and_the_actions_share_one_state_rule():
    assert cronograma.estado_de is estados.estado_de
    assert cronograma.ESTADOS is estados.ESTADOS
    regla = estados.estado_de
    assert regla(INICIO, FIN, 0, dt.date(2026, 6, 30)) == "programada"
    assert regla(INICIO, FIN, 40, dt.date(2026, 8, 1)) == "en_curso"
    assert regla(INICIO, FIN, 40, dt.date(2026, 10, 1)) == "vencida"
    assert regla(INICIO, FIN, 100, dt.date(2026, 10, 1)) == "concluida"


@pytest.mark.parametrize(
    ("calculo", "antes", "despues", "mayor_es_mejor"),
    [
        (C.RESPUESTA_MEDIANA, D("5"), D("2"), False),
        (C.EN_PLAZO, D("66.7"), D("100"), True),
        (C.ESPERA_MEDIA, D("20"), D("10"), False),
        (C.SATISFACCION, D("3.4"), D("4.6"), True),
        (C.QUEJAS, D("0.50"), D("0.33"), False),
    ],
)
def test_computed_indicator_before_the_evaluated_period_after_the_action(
    datos_conocidos, oportunidad, calculo, antes, despues, mayor_es_mejor
):
    actividad = accion(oportunidad, calculo=calculo, meta=despues, mayor_es_mejor=mayor_es_mejor)
    medicion = sel.accion(actividad, hoy=DESPUES_DEL_FIN).medicion
    assert medicion.calculado
    assert medicion.periodo_antes == sel.Periodo(dt.date(2026, 1, 1), dt.date(2026, 6, 30))
    assert medicion.periodo_despues == sel.Periodo(INICIO, FIN)
    assert (medicion.antes, medicion.despues) == (antes, despues)
    assert medicion.cambio == despues - antes
    assert medicion.mejora and not medicion.empeora
    assert medicion.meta_alcanzada is True


def test_after_runs_to_today_while_the_action_lasts(datos_conocidos, oportunidad):
    """On 08-03 only that day's waits count: 5, 10 and 9 minutes, mean 8."""
    actividad = accion(oportunidad, calculo=C.ESPERA_MEDIA, meta=D("9"), mayor_es_mejor=False)
    medicion = sel.accion(actividad, hoy=dt.date(2026, 8, 3)).medicion
    assert medicion.periodo_despues == sel.Periodo(INICIO, dt.date(2026, 8, 3))
    assert medicion.despues == D("8")
    antes = sel.accion(actividad, hoy=dt.date(2026, 6, 20)).medicion
    assert antes.despues is None and antes.periodo_despues is None


def test_meta_respects_the_direction_of_the_indicator(datos_conocidos, oportunidad):
    # Waiting 10 minutes against a target of 8: lower is better, not reached.
    espera = accion(oportunidad, calculo=C.ESPERA_MEDIA, meta=D("8"), mayor_es_mejor=False)
    assert sel.accion(espera, hoy=DESPUES_DEL_FIN).medicion.meta_alcanzada is False
    # The same 10 minutes against 12: reached.
    holgada = accion(oportunidad, calculo=C.ESPERA_MEDIA, meta=D("12"), mayor_es_mejor=False)
    assert sel.accion(holgada, hoy=DESPUES_DEL_FIN).medicion.meta_alcanzada is True


def test_manual_indicator_uses_the_linea_base_and_the_latest_valor(oportunidad):
    actividad = accion(oportunidad, linea_base=D("40"), meta=D("80"))
    seguimiento(actividad, dt.date(2026, 7, 15), 20, valor=D("55"))
    seguimiento(actividad, dt.date(2026, 8, 15), 60, valor=D("70"))
    seguimiento(actividad, dt.date(2026, 8, 30), 70)  # no valor: the latest valor stays
    resultado = sel.accion(actividad, hoy=dt.date(2026, 9, 1))
    medicion = resultado.medicion
    assert not medicion.calculado
    assert (medicion.antes, medicion.despues, medicion.cambio) == (D("40"), D("70"), D("30"))
    assert medicion.fecha_valor == dt.date(2026, 8, 15)
    assert medicion.meta_alcanzada is False
    assert resultado.avance == 70
    assert resultado.estado == "en_curso"
    assert medicion.textos == {"antes": "40", "despues": "70", "meta": "80", "cambio": "+30"}


def test_without_an_evaluation_before_is_the_same_length_window_before_the_start():
    """A plan activity (no oportunidad): 92 days of the action, so 2026-03-31..06-30."""
    actividad = accion(None, calculo=C.QUEJAS)
    antes = sel.periodo_antes(actividad, DESPUES_DEL_FIN)
    assert antes == sel.Periodo(dt.date(2026, 3, 31), dt.date(2026, 6, 30))
    assert antes.dias == sel.periodo_despues(actividad, DESPUES_DEL_FIN).dias == 92


def test_overdue_action_alerts_its_responsables_and_the_overseers(
    oportunidad, responsable_mejora, area_calidad, contralor, modernizacion
):
    vencida = accion(oportunidad, area=area_calidad, linea_base=D("1"), meta=D("5"))
    seguimiento(vencida, dt.date(2026, 9, 1), 50, valor=D("5"))  # meta reached
    persona = UsuarioFactory(username="otra.responsable")
    propia = accion(oportunidad, responsable=persona, linea_base=D("1"), meta=D("5"))
    seguimiento(propia, dt.date(2026, 9, 1), 100, valor=D("5"))
    (alerta,) = sel.alertas_para(responsable_mejora, hoy=DESPUES_DEL_FIN)
    assert alerta.tipo == sel.VENCIDA_ALERTA
    assert alerta.accion.actividad == vencida
    assert alerta.texto == "«Acción de prueba» debía concluir el 30/09/2026 y lleva 50 % de avance."
    # Done, meta reached: nothing for its responsable; before its end no alert either.
    assert sel.alertas_para(persona, hoy=DESPUES_DEL_FIN) == []
    assert sel.alertas_para(responsable_mejora, hoy=dt.date(2026, 9, 15)) == []
    assert sel.alertas_para(UsuarioFactory(username="ajena"), hoy=DESPUES_DEL_FIN) == []
    assert [a.accion.actividad for a in sel.alertas(hoy=DESPUES_DEL_FIN)] == [vencida]
    assert sel.ve_todas_las_evaluaciones(contralor) and sel.ve_todas_las_evaluaciones(modernizacion)
    assert not sel.ve_todas_las_evaluaciones(responsable_mejora)


def test_indicator_off_target_after_the_end_and_worse_than_the_baseline(
    datos_conocidos, oportunidad, responsable_mejora, area_calidad
):
    # 10 minutes of wait against a target of 8: after the end, off target.
    corta = accion(
        oportunidad, calculo=C.ESPERA_MEDIA, meta=D("8"), mayor_es_mejor=False, area=area_calidad
    )
    seguimiento(corta, dt.date(2026, 9, 30), 100)
    (alerta,) = sel.alertas_para(responsable_mejora, hoy=DESPUES_DEL_FIN)
    assert alerta.tipo == sel.FUERA_DE_META
    assert alerta.texto == (
        "El indicador «Indicador de Acción de prueba» no alcanzó la meta: 10 (meta 8)."
    )
    # Still running, the target not reached yet: no alert.
    assert sel.alertas_para(responsable_mejora, hoy=dt.date(2026, 9, 1)) == []
    # Manual indicator worse than its línea base while running: alert.
    peor = accion(oportunidad, linea_base=D("60"), meta=D("80"), area=area_calidad)
    seguimiento(peor, dt.date(2026, 8, 1), 30, valor=D("50"))
    (alerta,) = sel.alertas_para(responsable_mejora, hoy=dt.date(2026, 8, 2))
    assert alerta.accion.actividad == peor
    assert alerta.texto == (
        "El indicador «Indicador de Acción de prueba» está peor que su línea base: 50 (antes 60)."
    )
    assert sel.accion(peor, hoy=dt.date(2026, 8, 2)).semaforo == sel.ROJO


def test_no_alerts_once_the_cycle_is_closed(oportunidad, area_calidad, responsable_mejora):
    accion(oportunidad, area=area_calidad, linea_base=D("1"), meta=D("5"))
    assert len(sel.alertas_para(responsable_mejora, hoy=DESPUES_DEL_FIN)) == 1
    Evaluacion.objects.filter(pk=oportunidad.evaluacion_id).update(estado=Evaluacion.Estado.CERRADA)
    assert sel.alertas_para(responsable_mejora, hoy=DESPUES_DEL_FIN) == []
    assert sel.alertas(hoy=DESPUES_DEL_FIN) == []


def test_semaforo_yellow_when_progress_lags_the_time(oportunidad):
    actividad = accion(oportunidad, linea_base=D("1"), meta=D("5"))
    # 2026-08-15: 46 of 92 days gone (50 %).
    seguimiento(actividad, dt.date(2026, 8, 10), 30, valor=D("2"))
    resultado = sel.accion(actividad, hoy=dt.date(2026, 8, 15))
    assert resultado.tiempo_transcurrido == 50
    assert resultado.semaforo == sel.AMARILLO
    seguimiento(actividad, dt.date(2026, 8, 15), 60, valor=D("3"))
    assert sel.accion(actividad, hoy=dt.date(2026, 8, 15)).semaforo == sel.VERDE
