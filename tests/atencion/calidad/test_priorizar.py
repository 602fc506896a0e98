"""Prioritising a trámite starts its evaluation: only the máxima autoridad, never twice while
one is in progress, with the criteria as they were and the trámite's scope."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from atencion.calidad import catalogo
from atencion.calidad.services_priorizacion import priorizar
from atencion.models import Evaluacion
from cms import roles
from tests.atencion.calidad.conftest import JUNIO
from tests.factories import UsuarioFactory

pytestmark = pytest.mark.django_db
MOTIVO = "Primer lugar de la priorización: quejas y demoras."


def _constancia():
    return next(t for t in catalogo.tramites() if t.titulo == "Constancia de no adeudo")


def test_la_maxima_autoridad_prioriza_con_la_instantanea(
    junio_calidad, modelo, maxima_autoridad, area_calidad
):
    tramite = _constancia()
    evaluacion = priorizar(tramite, modelo, *JUNIO, f"  {MOTIVO} ", maxima_autoridad)
    evaluacion.refresh_from_db()
    assert evaluacion.estado == Evaluacion.Estado.PRIORIZADA
    assert (evaluacion.nombre, evaluacion.tramite_id) == ("Constancia de no adeudo", tramite.id)
    assert (evaluacion.area, evaluacion.tema) == (area_calidad, junio_calidad["temas"][0])
    assert list(evaluacion.servicios.all()) == [junio_calidad["servicios"][0]]
    assert (evaluacion.periodo_desde, evaluacion.periodo_hasta) == JUNIO
    assert (evaluacion.motivo, evaluacion.creada_por) == (MOTIVO, maxima_autoridad)
    instantanea = evaluacion.priorizacion
    assert (instantanea["desde"], instantanea["hasta"]) == ("2026-06-01", "2026-06-30")
    assert (instantanea["posicion"], instantanea["tramites"], instantanea["total"]) == (1, 4, 86.0)
    assert instantanea["puntajes"] == {
        "volumen": 100.0,
        "quejas": 100.0,
        "insatisfaccion": 65.7,
        "demoras": 78.1,
    }
    assert instantanea["valores"]["quejas"] == 3
    assert instantanea["cifras"]["satisfaccion"] == 3.14


@pytest.mark.parametrize("rol", [roles.MODERNIZACION, roles.CONTRALORIA, roles.AREA, None])
def test_nadie_mas_prioriza(junio_calidad, modelo, area_calidad, rol):
    usuario = UsuarioFactory(roles=[rol] if rol else [], areas=[area_calidad])
    with pytest.raises(PermissionDenied, match="Solo la máxima autoridad"):
        priorizar(_constancia(), modelo, *JUNIO, MOTIVO, usuario)
    assert not Evaluacion.objects.exists()


@pytest.mark.parametrize(
    "estado",
    [
        Evaluacion.Estado.PRIORIZADA,
        Evaluacion.Estado.EN_EVALUACION,
        Evaluacion.Estado.EN_REVISION,
        Evaluacion.Estado.APROBADA,
    ],
)
def test_no_prioriza_un_tramite_con_evaluacion_en_curso(
    junio_calidad, modelo, maxima_autoridad, estado
):
    primera = priorizar(_constancia(), modelo, *JUNIO, MOTIVO, maxima_autoridad)
    Evaluacion.objects.filter(pk=primera.pk).update(estado=estado)
    with pytest.raises(ValidationError) as error:
        priorizar(_constancia(), modelo, *JUNIO, MOTIVO, maxima_autoridad)
    assert "«Constancia de no adeudo» ya tiene una evaluación en curso" in error.value.messages[0]
    assert Evaluacion.objects.count() == 1


def test_concluida_la_mejora_se_puede_priorizar_otra_vez(junio_calidad, modelo, maxima_autoridad):
    primera = priorizar(_constancia(), modelo, *JUNIO, MOTIVO, maxima_autoridad)
    Evaluacion.objects.filter(pk=primera.pk).update(estado=Evaluacion.Estado.CERRADA)
    segunda = priorizar(_constancia(), modelo, *JUNIO, MOTIVO, maxima_autoridad)
    assert segunda.pk != primera.pk
    # Another trámite is independent of the first one's evaluation.
    otro = next(t for t in catalogo.tramites() if t.titulo == "Avalúo catastral")
    assert priorizar(otro, modelo, *JUNIO, MOTIVO, maxima_autoridad).servicios.count() == 0


def test_datos_incorrectos_no_crean_nada(junio_calidad, modelo, maxima_autoridad):
    manana = dt.date.today() + dt.timedelta(days=2)
    casos = [
        ((JUNIO[1], JUNIO[0], MOTIVO), "hasta", "El periodo termina antes de empezar."),
        ((JUNIO[0], manana, MOTIVO), "hasta", "El periodo no puede terminar después de hoy."),
        ((*JUNIO, "   "), "motivo", "Escriba el motivo de la priorización."),
    ]
    for (desde, hasta, motivo), campo, mensaje in casos:
        with pytest.raises(ValidationError) as error:
            priorizar(_constancia(), modelo, desde, hasta, motivo, maxima_autoridad)
        assert error.value.message_dict[campo] == [mensaje]
    modelo.activo = False
    with pytest.raises(ValidationError, match="no está activo"):
        priorizar(_constancia(), modelo, *JUNIO, MOTIVO, maxima_autoridad)
    sin_area = catalogo.TramiteCatalogo(_constancia().id, "Sin área")
    modelo.activo = True
    with pytest.raises(ValidationError, match="no tiene área responsable"):
        priorizar(sin_area, modelo, *JUNIO, MOTIVO, maxima_autoridad)
    fuera = catalogo.TramiteCatalogo(999_999, "Despublicado", area_id=_constancia().area_id)
    with pytest.raises(ValidationError, match="ya no está publicado"):
        priorizar(fuera, modelo, *JUNIO, MOTIVO, maxima_autoridad)
    assert not Evaluacion.objects.exists()
