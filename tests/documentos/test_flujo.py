import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from cms import roles
from documentos.models import Archivo, EntradaBitacora, Escrito, Respuesta, VersionPublica
from documentos.services import flujo
from documentos.services.flujo import TRANSICIONES, TransicionInvalida
from documentos.visibilidad import escritos_publicos, escritos_visibles
from tests.factories import UsuarioFactory, pdf_bytes, subida, version_aprobada

pytestmark = pytest.mark.django_db
E = Escrito.Estado


def _acciones(escrito):
    return list(escrito.bitacora.order_by("pk").values_list("accion", flat=True))


def test_full_life_of_an_escrito(
    recibir, oficialia, obras, finanzas, titular_obras, operativo_obras
):
    escrito = recibir()
    flujo.turnar(
        escrito, obras, usuario=oficialia, instruccion="Revisar y atender", copias=[finanzas]
    )
    escrito.refresh_from_db()
    assert (escrito.estado, escrito.area_responsable) == (E.TURNADO, obras)
    assert escrito.turnos.filter(es_copia=True, a_area=finanzas).exists()

    flujo.asignar(escrito, operativo_obras, usuario=titular_obras, instruccion="Visita")
    escrito.refresh_from_db()
    assert escrito.estado == E.EN_ATENCION

    respuesta = flujo.responder(
        escrito,
        usuario=operativo_obras,
        sentido=Respuesta.Sentido.POSITIVA,
        texto="Se programó el bacheo.",
        archivo=subida("oficio-firmado.pdf", pdf_bytes()),
    )
    assert respuesta.archivo.tipo == Archivo.Tipo.RESPUESTA
    flujo.concluir(escrito, usuario=operativo_obras, nota="Atendido.")
    flujo.archivar(escrito, usuario=oficialia)
    escrito.refresh_from_db()
    assert escrito.estado == E.ARCHIVADO

    A = EntradaBitacora.Accion
    assert _acciones(escrito) == [
        A.RECEPCION,
        A.TURNO,
        A.COPIA,
        A.CAMBIO_ESTADO,
        A.ASIGNACION,
        A.CAMBIO_ESTADO,
        A.RESPUESTA,
        A.CAMBIO_ESTADO,
        A.CAMBIO_ESTADO,
        A.CAMBIO_ESTADO,
    ]
    ultima = escrito.bitacora.order_by("pk").last()
    assert (ultima.antes, ultima.despues) == ({"estado": "concluido"}, {"estado": "archivado"})


@pytest.mark.parametrize(
    ("desde", "hacia"),
    [
        (estado, destino)
        for estado in E.values
        for destino in E.values
        if destino not in TRANSICIONES[estado]
    ],
)
def test_every_illegal_transition_is_refused_in_spanish(desde, hacia, recibir):
    escrito = recibir()
    Escrito.objects.filter(pk=escrito.pk).update(estado=desde)
    escrito.refresh_from_db()
    with pytest.raises(TransicionInvalida, match="No se puede pasar el escrito"):
        flujo.validar_transicion(escrito, hacia)


def test_concluding_requires_an_answer(recibir, oficialia, obras, titular_obras):
    escrito = recibir()
    flujo.turnar(escrito, obras, usuario=oficialia)
    with pytest.raises(ValidationError, match="primero registre su respuesta"):
        flujo.concluir(escrito, usuario=titular_obras, nota="Atendido.")
    escrito.refresh_from_db()
    assert escrito.estado == E.TURNADO


def test_illegal_transition_changes_nothing(recibir, oficialia):
    escrito = recibir()
    antes = list(escrito.bitacora.values_list("pk", flat=True))
    with pytest.raises(TransicionInvalida):
        flujo.archivar(escrito, usuario=oficialia)
    escrito.refresh_from_db()
    assert escrito.estado == E.RECIBIDO
    assert list(escrito.bitacora.values_list("pk", flat=True)) == antes


def test_other_areas_cannot_act_or_see(recibir, oficialia, obras, staff_finanzas, titular_obras):
    escrito = recibir()
    flujo.turnar(escrito, obras, usuario=oficialia)
    with pytest.raises(PermissionDenied):
        flujo.asignar(escrito, titular_obras, usuario=staff_finanzas)
    with pytest.raises(PermissionDenied):
        flujo.cancelar(escrito, usuario=staff_finanzas, motivo="no")
    assert escrito not in escritos_visibles(staff_finanzas)
    assert escrito in escritos_visibles(titular_obras)
    assert escrito in escritos_visibles(oficialia)


def test_copies_make_an_escrito_visible_to_the_copied_area(
    recibir, oficialia, obras, finanzas, staff_finanzas
):
    escrito = recibir()
    flujo.turnar(escrito, obras, usuario=oficialia, copias=[finanzas])
    assert list(escritos_visibles(staff_finanzas)) == [escrito]


def test_assignee_must_belong_to_the_area(recibir, oficialia, obras, titular_obras, staff_finanzas):
    escrito = recibir()
    flujo.turnar(escrito, obras, usuario=oficialia)
    with pytest.raises(ValidationError, match="no pertenece al área"):
        flujo.asignar(escrito, staff_finanzas, usuario=titular_obras)


def test_re_turn_moves_responsibility(recibir, oficialia, obras, finanzas, titular_obras):
    escrito = recibir()
    flujo.turnar(escrito, obras, usuario=oficialia)
    flujo.turnar(escrito, finanzas, usuario=titular_obras, instruccion="Es de Finanzas")
    escrito.refresh_from_db()
    assert escrito.area_responsable == finanzas
    assert list(escrito.turnos.filter(vigente=True).values_list("a_area", flat=True)) == [
        finanzas.pk
    ]
    # Obras keeps read access to what it handled, but can no longer act on it.
    assert escrito in escritos_visibles(titular_obras)
    with pytest.raises(PermissionDenied):
        flujo.turnar(escrito, obras, usuario=titular_obras)


def test_cancel_needs_a_reason(recibir, oficialia):
    escrito = recibir()
    with pytest.raises(ValidationError, match="motivo"):
        flujo.cancelar(escrito, usuario=oficialia, motivo="  ")
    flujo.cancelar(escrito, usuario=oficialia, motivo="Presentado por error")
    escrito.refresh_from_db()
    assert escrito.estado == E.CANCELADO


def test_only_public_escritos_can_be_published(recibir, oficialia):
    reservado = recibir(clasificacion=Escrito.Clasificacion.RESERVADA)
    version_aprobada(reservado, [])
    with pytest.raises(ValidationError, match="clasificación pública"):
        flujo.publicar(reservado, True, usuario=oficialia)
    publico = recibir(asunto="Alumbrado en la colonia Centro")
    version_aprobada(publico, ["Alumbrado en la colonia Centro."])
    assert list(escritos_publicos()) == []
    flujo.publicar(publico, True, usuario=oficialia)
    assert list(escritos_publicos()) == [publico]


@pytest.mark.parametrize("estado", [None, VersionPublica.Estado.POR_REVISAR, "invalidada"])
def test_publishing_needs_an_approved_version_publica(recibir, oficialia, estado):
    escrito = recibir(asunto="Alumbrado en la colonia Centro")
    if estado is not None:
        version_aprobada(escrito, [], estado=estado)
    antes = escrito.bitacora.count()
    with pytest.raises(ValidationError, match="primero apruebe su versión pública"):
        flujo.publicar(escrito, True, usuario=oficialia)
    escrito.refresh_from_db()
    assert escrito.publicado is False
    assert escrito.bitacora.count() == antes  # nothing changed, nothing recorded


def test_the_transparency_unit_may_publish_and_withdraw(recibir, oficialia):
    contralor = UsuarioFactory(username="contralor", roles=[roles.CONTRALORIA])
    escrito = recibir()
    version_aprobada(escrito, [])
    flujo.publicar(escrito, True, usuario=contralor)
    assert list(escritos_publicos()) == [escrito]
    flujo.publicar(escrito, False, usuario=contralor)
    assert list(escritos_publicos()) == []
    comunicacion = UsuarioFactory(username="editora", roles=[roles.COMUNICACION])
    with pytest.raises(PermissionDenied):
        flujo.publicar(escrito, True, usuario=comunicacion)


def test_withdrawing_needs_no_version(recibir, oficialia):
    escrito = recibir()
    version = version_aprobada(escrito, [])
    flujo.publicar(escrito, True, usuario=oficialia)
    version.estado = VersionPublica.Estado.INVALIDADA
    version.save()
    flujo.publicar(escrito, False, usuario=oficialia)
    escrito.refresh_from_db()
    assert escrito.publicado is False


def test_bulk_turn_reports_failures_per_escrito(recibir, oficialia, obras):
    a = recibir(asunto="Uno")
    b = recibir(asunto="Dos")
    flujo.cancelar(b, usuario=oficialia, motivo="Duplicado")
    hechos, errores = flujo.turnar_en_bloque([a, b], obras, usuario=oficialia)
    assert hechos == [a]
    assert [(e, "Cancelado" in m) for e, m in errores] == [(b, True)]
