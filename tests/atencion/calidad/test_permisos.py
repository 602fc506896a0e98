import pytest

from atencion.calidad import permisos
from atencion.models import Evaluacion
from tests.factories import UsuarioFactory


@pytest.mark.django_db
def test_solo_el_equipo_califica_y_solo_mientras_evalua(evaluacion, evaluador, maxima_autoridad):
    ajeno = UsuarioFactory()
    assert permisos.puede_evaluar(evaluador, evaluacion)
    assert not permisos.puede_evaluar(ajeno, evaluacion)
    assert not permisos.puede_evaluar(maxima_autoridad, evaluacion)
    evaluacion.estado = Evaluacion.Estado.EN_REVISION
    assert not permisos.puede_evaluar(evaluador, evaluacion)


@pytest.mark.django_db
def test_envia_la_responsable_y_aprueba_la_maxima_autoridad(
    evaluacion, evaluador, evaluador_responsable, maxima_autoridad
):
    evaluacion.estado = Evaluacion.Estado.EN_EVALUACION
    assert permisos.puede_enviar_informe(evaluador_responsable, evaluacion)
    assert not permisos.puede_enviar_informe(evaluador, evaluacion)
    assert not permisos.puede_aprobar(maxima_autoridad, evaluacion)
    evaluacion.estado = Evaluacion.Estado.EN_REVISION
    assert permisos.puede_aprobar(maxima_autoridad, evaluacion)
    assert not permisos.puede_aprobar(evaluador_responsable, evaluacion)
