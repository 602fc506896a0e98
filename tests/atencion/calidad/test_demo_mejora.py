"""Demo acciones de mejora: in progress, with seguimientos and evidence, a computed
indicator measured before and after, one overdue in the alerts; made once."""

import datetime as dt
from decimal import Decimal

import pytest
from django.utils import timezone
from wagtail.documents import get_document_model

from atencion import demo_mejora
from atencion.calidad import selectors_mejora as sel
from atencion.models import Actividad, Evaluacion, Indicador, Seguimiento
from cms import roles
from documentos.models import Escrito
from tests.cms.datos import crear_escrito
from tests.factories import AreaFactory, TemaFactory, UsuarioFactory

pytestmark = pytest.mark.django_db
C = Indicador.Calculo


def _contar():
    return (
        Evaluacion.objects.count(),
        Actividad.objects.count(),
        Seguimiento.objects.count(),
        get_document_model().objects.count(),
    )


@pytest.fixture
def admin(db):
    return UsuarioFactory(username="admin", is_superuser=True, is_staff=True)


def test_demo_uses_the_approved_evaluation_and_runs_once(
    admin, datos_conocidos, oportunidad, responsable_mejora
):
    assert demo_mejora.cargar() == 2
    hoy = timezone.localdate()
    calculada, manual = sel.acciones(sel.acciones_de_mejora(), hoy)
    assert calculada.actividad.oportunidad == manual.actividad.oportunidad == oportunidad
    # Median business days to answer: 5 in the evaluated period (datos_conocidos).
    assert calculada.actividad.indicador.calculo == C.RESPUESTA_MEDIANA
    assert calculada.medicion.antes == Decimal("5")
    assert calculada.actividad.indicador.meta == Decimal("4")
    assert (calculada.estado, calculada.avance, len(calculada.seguimientos)) == ("en_curso", 60, 3)
    assert calculada.seguimientos[0].evidencia.collection.name == "Evidencias de mejora"
    assert {s.registrado_por for s in calculada.seguimientos} == {responsable_mejora}
    assert manual.estado == "vencida" and manual.medicion.despues == Decimal("8")
    assert [a.tipo for a in sel.alertas_para(responsable_mejora)] == [
        sel.VENCIDA_ALERTA,
        sel.FUERA_DE_META,
    ]
    antes = _contar()
    assert demo_mejora.cargar() == 0
    assert _contar() == antes


def test_demo_makes_its_own_evaluations_when_there_are_none(admin):
    """Predial at Finanzas (with answered reclamos) and water complaints at Obra Pública
    (with quejas): each gets an action with a computed indicator."""
    hoy = timezone.localdate()
    finanzas, obras = AreaFactory(nombre="Finanzas", siglas="FIN"), AreaFactory(siglas="DOP")
    predial, agua = TemaFactory(nombre="Predial y pagos"), TemaFactory(nombre="Agua potable")
    for area, siglas in ((finanzas, "fin"), (obras, "dop")):
        UsuarioFactory(username=f"titular.{siglas}", roles=[roles.AREA], areas=[area])
    recibido = hoy - dt.timedelta(days=300)
    for dias in (3, 6, 9):
        crear_escrito(
            recibido,
            area=finanzas,
            tema=predial,
            respuesta=recibido + dt.timedelta(days=dias),
            usuario=admin,
        )
    for dias in (250, 260):
        queja = crear_escrito(hoy - dt.timedelta(days=dias), area=obras, tema=agua)
        Escrito.objects.filter(pk=queja.pk).update(tipo="queja")
    assert demo_mejora.cargar() == 3
    assert set(Evaluacion.objects.values_list("nombre", "estado")) == {
        ("Pago del impuesto predial", "aprobada"),
        ("Atención de quejas por falta de agua potable", "aprobada"),
    }
    calculada = sel.accion(Actividad.objects.get(indicador__calculo=C.RESPUESTA_MEDIANA), hoy)
    assert calculada.medicion.antes is not None and calculada.estado == "en_curso"
    quejas = Actividad.objects.get(indicador__calculo=C.QUEJAS)
    assert quejas.oportunidad.evaluacion.area == obras
    # 2 quejas in the 360 days evaluated: 0.17 per 30 days.
    assert quejas.indicador.linea_base == Decimal("0.17")
    assert Actividad.objects.filter(indicador__calculo=C.MANUAL).count() == 1
    antes = _contar()
    assert demo_mejora.cargar() == 0
    assert _contar() == antes
