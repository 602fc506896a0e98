"""The escrito page's one next step per role and state, and the flow behind it."""

import pytest
from django.core.exceptions import ValidationError

from cms import roles
from documentos.models import EntradaBitacora, Escrito
from documentos.selectors_acciones import acciones_del_escrito, siguiente_paso
from documentos.services import flujo
from tests.factories import UsuarioFactory, version_aprobada

pytestmark = pytest.mark.django_db
E = Escrito.Estado


def test_the_next_step_follows_the_role_and_the_state(
    recibir, oficialia, obras, titular_obras, operativo_obras
):
    escrito = recibir()
    contralor = UsuarioFactory(username="contralor.paso", roles=[roles.CONTRALORIA])
    assert siguiente_paso(escrito, oficialia) == "turnar"
    assert siguiente_paso(escrito, titular_obras) is None
    # Publishing is never first on a new escrito, even for the transparency unit.
    assert siguiente_paso(escrito, contralor) is None
    assert [a.nombre for a in acciones_del_escrito(escrito, contralor).otras] == ["publicar"]
    assert acciones_del_escrito(escrito, oficialia).otras[-1].nombre == "cancelar"

    flujo.turnar(escrito, obras, usuario=oficialia)
    escrito.refresh_from_db()
    assert siguiente_paso(escrito, oficialia) is None  # its part is done
    assert siguiente_paso(escrito, titular_obras) == "asignar"

    flujo.asignar(escrito, operativo_obras, usuario=titular_obras)
    escrito.refresh_from_db()
    assert siguiente_paso(escrito, operativo_obras) == "responder"

    flujo.responder(escrito, usuario=operativo_obras, sentido="positiva", texto="Hecho.")
    escrito.refresh_from_db()
    assert siguiente_paso(escrito, operativo_obras) == "concluir"

    flujo.concluir(escrito, usuario=operativo_obras, nota="Entregado.")
    escrito.refresh_from_db()
    assert siguiente_paso(escrito, oficialia) == "archivar"

    flujo.archivar(escrito, usuario=oficialia)
    escrito.refresh_from_db()
    assert siguiente_paso(escrito, oficialia) is None  # no versión pública yet
    version_aprobada(escrito, [])
    assert siguiente_paso(escrito, oficialia) == "publicar"


def test_turned_to_a_person_their_next_step_is_to_answer(
    recibir, oficialia, obras, titular_obras, operativo_obras
):
    escrito = recibir()
    flujo.turnar(escrito, obras, usuario=oficialia, a_usuario=operativo_obras)
    escrito.refresh_from_db()
    assert siguiente_paso(escrito, operativo_obras) == "responder"
    assert siguiente_paso(escrito, titular_obras) == "asignar"


def test_whoever_may_answer_answers_straight_from_turnado(
    recibir, oficialia, obras, titular_obras, staff_finanzas
):
    escrito = recibir()
    flujo.turnar(escrito, obras, usuario=oficialia)
    escrito.refresh_from_db()
    otras = [a.nombre for a in acciones_del_escrito(escrito, titular_obras).otras]
    assert "responder" in otras
    assert not acciones_del_escrito(escrito, staff_finanzas).otras  # another área
    flujo.responder(escrito, usuario=titular_obras, sentido="positiva", texto="Atendido.")
    escrito.refresh_from_db()
    assert escrito.estado == E.RESPONDIDO


def test_concluding_needs_a_note_which_goes_to_the_bitacora(respondido, operativo_obras):
    escrito = respondido()
    entradas = escrito.bitacora.count()
    with pytest.raises(ValidationError, match="nota de conclusión"):
        flujo.concluir(escrito, usuario=operativo_obras, nota="  ")
    escrito.refresh_from_db()
    assert (escrito.estado, escrito.bitacora.count()) == (E.RESPONDIDO, entradas)

    flujo.concluir(escrito, usuario=operativo_obras, nota="Se entregó el oficio.")
    entrada = escrito.bitacora.filter(accion=EntradaBitacora.Accion.CAMBIO_ESTADO).latest("pk")
    assert "Nota: Se entregó el oficio." in entrada.descripcion
    assert entrada.despues["nota"] == "Se entregó el oficio."
