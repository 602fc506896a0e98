"""The escrito's life: turnos, asignaciones, respuestas and its state machine."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .. import eventos, permisos, visibilidad
from ..models import (
    Archivo,
    Area,
    Asignacion,
    EntradaBitacora,
    Escrito,
    Notificacion,
    Respuesta,
    Turno,
)
from ..validacion import validar_archivo
from . import bitacora
from .archivos import borrar_archivos_si_falla, contenido_activo, guardar_archivo

E = Escrito.Estado
A = EntradaBitacora.Accion

TRANSICIONES: dict[str, set[str]] = {
    E.RECIBIDO: {E.TURNADO, E.CANCELADO},
    # Answered straight from turnado by whoever may answer (no asignación needed).
    E.TURNADO: {E.TURNADO, E.EN_ATENCION, E.RESPONDIDO, E.CANCELADO},
    E.EN_ATENCION: {E.TURNADO, E.RESPONDIDO, E.CANCELADO},
    E.RESPONDIDO: {E.EN_ATENCION, E.CONCLUIDO},
    E.CONCLUIDO: {E.ARCHIVADO},
    E.ARCHIVADO: set(),
    E.CANCELADO: set(),
}


class TransicionInvalida(ValidationError):
    pass


def validar_transicion(escrito: Escrito, nuevo: str) -> None:
    if nuevo not in TRANSICIONES[escrito.estado]:
        raise TransicionInvalida(
            _("No se puede pasar el escrito %(folio)s de «%(de)s» a «%(a)s».")
            % {"folio": escrito.folio, "de": escrito.get_estado_display(), "a": E(nuevo).label},
            code="transicion",
        )


def _bloquear(escrito: Escrito) -> Escrito:
    """Re-read the escrito with a row lock: two clerks acting at once take turns."""
    return Escrito.objects.select_for_update().get(pk=escrito.pk)


def _cambiar_estado(escrito: Escrito, nuevo: str, usuario, ip, descripcion: str, **extra) -> None:
    validar_transicion(escrito, nuevo)
    antes = escrito.estado
    escrito.estado = nuevo
    escrito.save(update_fields=["estado", "area_responsable", "actualizado_en"])
    bitacora.registrar(
        A.CAMBIO_ESTADO,
        descripcion,
        escrito=escrito,
        usuario=usuario,
        ip=ip,
        antes={"estado": antes},
        despues={"estado": nuevo, **extra},
    )
    eventos.escrito_cambiado(escrito.pk)


@transaction.atomic
def turnar(
    escrito: Escrito,
    a_area: Area,
    *,
    usuario,
    instruccion: str = "",
    plazo=None,
    a_usuario=None,
    copias=(),
    ip=None,
) -> Turno:
    """Route the escrito to an área (responsible) and, optionally, copies to others."""
    escrito = _bloquear(escrito)
    permisos.exigir(permisos.puede_turnar(usuario, escrito))
    validar_transicion(escrito, E.TURNADO)
    if not a_area.activa:
        raise ValidationError(_("El área «%(area)s» no está activa.") % {"area": a_area})
    if a_usuario is not None and not a_usuario.areas.filter(pk=a_area.pk).exists():
        raise ValidationError(
            _("%(persona)s no pertenece al área «%(area)s».")
            % {"persona": a_usuario.get_full_name() or a_usuario, "area": a_area}
        )
    de_area = escrito.area_responsable
    escrito.turnos.filter(vigente=True, es_copia=False).update(vigente=False)
    escrito.asignaciones.filter(vigente=True).update(vigente=False)
    turno = Turno.objects.create(
        escrito=escrito,
        de_area=de_area,
        a_area=a_area,
        a_usuario=a_usuario,
        instruccion=instruccion,
        plazo=plazo or escrito.vence_en,
        turnado_por=usuario,
    )
    bitacora.registrar(
        A.TURNO,
        _("Turnó el escrito a %(area)s.") % {"area": a_area},
        escrito=escrito,
        usuario=usuario,
        ip=ip,
        antes={"area": de_area.nombre if de_area else None},
        despues={"area": a_area.nombre, "instruccion": instruccion, "plazo": turno.plazo},
    )
    for copia in copias:
        if copia.pk == a_area.pk:
            continue
        Turno.objects.create(
            escrito=escrito,
            de_area=de_area,
            a_area=copia,
            es_copia=True,
            instruccion=instruccion,
            turnado_por=usuario,
        )
        bitacora.registrar(
            A.COPIA,
            _("Envió copia del escrito a %(area)s para su conocimiento.") % {"area": copia},
            escrito=escrito,
            usuario=usuario,
            ip=ip,
            despues={"area": copia.nombre},
        )
    escrito.area_responsable = a_area
    _cambiar_estado(
        escrito,
        E.TURNADO,
        usuario,
        ip,
        _("Estado: turnado a %(area)s.") % {"area": a_area},
        area=a_area.nombre,
    )
    eventos.remitente_por_notificar(escrito.pk, Notificacion.Motivo.TURNO)
    return turno


@transaction.atomic
def asignar(escrito: Escrito, asignado_a, *, usuario, instruccion: str = "", ip=None) -> Asignacion:
    escrito = _bloquear(escrito)
    permisos.exigir(permisos.puede_asignar(usuario, escrito))
    area = escrito.area_responsable
    if not asignado_a.areas.filter(pk=area.pk).exists():
        raise ValidationError(
            _("%(persona)s no pertenece al área «%(area)s».")
            % {"persona": asignado_a.get_full_name() or asignado_a, "area": area}
        )
    if escrito.estado not in (E.TURNADO, E.EN_ATENCION):
        validar_transicion(escrito, E.EN_ATENCION)
    escrito.asignaciones.filter(vigente=True).update(vigente=False)
    asignacion = Asignacion.objects.create(
        escrito=escrito,
        area=area,
        asignado_a=asignado_a,
        instruccion=instruccion,
        asignado_por=usuario,
    )
    persona = asignado_a.get_full_name() or asignado_a.get_username()
    bitacora.registrar(
        A.ASIGNACION,
        _("Asignó la atención a %(persona)s.") % {"persona": persona},
        escrito=escrito,
        usuario=usuario,
        ip=ip,
        despues={"asignado_a": persona, "instruccion": instruccion},
    )
    if escrito.estado == E.TURNADO:
        _cambiar_estado(escrito, E.EN_ATENCION, usuario, ip, _("Estado: en atención."))
    else:
        eventos.escrito_cambiado(escrito.pk)
    return asignacion


def responder(
    escrito: Escrito,
    *,
    usuario,
    sentido: str,
    texto: str,
    fecha=None,
    archivo=None,
    ip=None,
) -> Respuesta:
    """Record the answer (with its signed file, stored like any other)."""
    if sentido not in Respuesta.Sentido.values:
        raise ValidationError(_("Elija el sentido de la respuesta."))
    if not texto.strip():
        raise ValidationError(_("Escriba el texto de la respuesta."))
    validado = validar_archivo(archivo) if archivo is not None else None
    with borrar_archivos_si_falla(), transaction.atomic():
        escrito = _bloquear(escrito)
        permisos.exigir(permisos.puede_atender(usuario, escrito))
        validar_transicion(escrito, E.RESPONDIDO)
        guardado = None
        if validado is not None:
            guardado = guardar_archivo(
                escrito, validado, usuario=usuario, tipo=Archivo.Tipo.RESPUESTA, orden=999
            )
        respuesta = Respuesta.objects.create(
            escrito=escrito,
            sentido=sentido,
            texto=texto.strip(),
            archivo=guardado,
            fecha=fecha or timezone.localdate(),
            respondido_por=usuario,
        )
        descripcion = _("Respondió el escrito (sentido: %(sentido)s).") % {
            "sentido": respuesta.get_sentido_display()
        }
        despues = {
            "sentido": sentido,
            "fecha": respuesta.fecha,
            "archivo": guardado and guardado.pk,
        }
        if validado is not None and validado.quitado:
            descripcion = f"{descripcion} {validado.aviso}"
            despues["contenido_activo"] = contenido_activo([validado])
        bitacora.registrar(
            A.RESPUESTA, descripcion, escrito=escrito, usuario=usuario, ip=ip, despues=despues
        )
        _cambiar_estado(escrito, E.RESPONDIDO, usuario, ip, _("Estado: respondido."))
        eventos.remitente_por_notificar(escrito.pk, Notificacion.Motivo.RESPUESTA, respuesta.pk)
    return respuesta


@transaction.atomic
def concluir(escrito: Escrito, *, usuario, nota: str, ip=None) -> Escrito:
    """Close the answered escrito; the note (why it is done) goes to the bitácora."""
    if not (nota or "").strip():
        raise ValidationError(_("Escriba una nota de conclusión: queda en la bitácora."))
    escrito = _bloquear(escrito)
    permisos.exigir(permisos.puede_atender(usuario, escrito))
    if not escrito.respuestas.exists():
        raise ValidationError(_("Para concluir el escrito primero registre su respuesta."))
    _cambiar_estado(
        escrito,
        E.CONCLUIDO,
        usuario,
        ip,
        _("Estado: concluido. Nota: %(nota)s") % {"nota": nota.strip()},
        nota=nota.strip(),
    )
    return escrito


@transaction.atomic
def archivar(escrito: Escrito, *, usuario, ip=None) -> Escrito:
    escrito = _bloquear(escrito)
    permisos.exigir(permisos.puede_archivar(usuario, escrito))
    _cambiar_estado(escrito, E.ARCHIVADO, usuario, ip, _("Estado: archivado."))
    return escrito


@transaction.atomic
def cancelar(escrito: Escrito, *, usuario, motivo: str, ip=None) -> Escrito:
    escrito = _bloquear(escrito)
    permisos.exigir(permisos.puede_cancelar(usuario, escrito))
    if not motivo.strip():
        raise ValidationError(_("Indique el motivo de la cancelación."))
    _cambiar_estado(
        escrito,
        E.CANCELADO,
        usuario,
        ip,
        _("Estado: cancelado. Motivo: %(motivo)s") % {"motivo": motivo.strip()},
        motivo=motivo.strip(),
    )
    return escrito


@transaction.atomic
def reabrir(escrito: Escrito, *, usuario, motivo: str, ip=None) -> Escrito:
    """Back to "en atención" after an answer, e.g. when it must be corrected."""
    escrito = _bloquear(escrito)
    permisos.exigir(permisos.puede_atender(usuario, escrito))
    if not motivo.strip():
        raise ValidationError(_("Indique por qué se reabre el escrito."))
    _cambiar_estado(
        escrito, E.EN_ATENCION, usuario, ip, _("Reabierto: %(m)s") % {"m": motivo.strip()}
    )
    return escrito


def turnar_en_bloque(escritos, a_area: Area, *, usuario, instruccion="", ip=None):
    """Turn several escritos; each one in its own transaction. Returns (hechos, errores)."""
    hechos, errores = [], []
    for escrito in escritos:
        try:
            turnar(escrito, a_area, usuario=usuario, instruccion=instruccion, ip=ip)
            hechos.append(escrito)
        except ValidationError as error:
            errores.append((escrito, " ".join(error.messages)))
    return hechos, errores


@transaction.atomic
def publicar(escrito: Escrito, publicado: bool, *, usuario, ip=None) -> Escrito:
    """Show (or hide) a public escrito in the public archive: what the public then sees is
    its approved versión pública, so publishing needs one (withdrawing never does)."""
    escrito = _bloquear(escrito)
    permisos.exigir(permisos.puede_publicar(usuario, escrito))
    if publicado and escrito.clasificacion != Escrito.Clasificacion.PUBLICA:
        raise ValidationError(_("Solo los escritos con clasificación pública pueden publicarse."))
    if publicado and visibilidad.version_aprobada(escrito) is None:
        raise ValidationError(
            _(
                "Para publicar el escrito %(folio)s primero apruebe su versión pública: el "
                "archivo público muestra solo esa versión, con los datos personales testados."
            )
            % {"folio": escrito.folio}
        )
    antes = escrito.publicado
    escrito.publicado = publicado
    escrito.save(update_fields=["publicado", "actualizado_en"])
    bitacora.registrar(
        A.EDICION,
        _("Publicó el escrito en el archivo público.")
        if publicado
        else _("Retiró el escrito del archivo público."),
        escrito=escrito,
        usuario=usuario,
        ip=ip,
        antes={"publicado": antes},
        despues={"publicado": publicado},
    )
    eventos.escrito_cambiado(escrito.pk)
    return escrito
