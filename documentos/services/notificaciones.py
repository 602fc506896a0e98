"""E-mail notifications to the remitente (received, turned, answered).

A Notificacion row is written in the caller's transaction (one per escrito, motivo and
respuesta: the unique constraints make a second one impossible); after commit a task on the
`default` queue sends it. The task claims the row, so running it twice sends once; a failure
is retried with exponential backoff and, after FOLIO_NOTIFICACION_INTENTOS, the row is
`fallida` with the error. The bitácora records that a mail was sent (or not), never to whom.
"""

import logging
from datetime import timedelta
from functools import partial

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ..enlaces import enlaces_tras_respuesta, url_consulta
from ..models import EntradaBitacora, Escrito, Notificacion
from ..models.notificaciones import correo_de
from . import bitacora

logger = logging.getLogger(__name__)
Estado = Notificacion.Estado
PLANTILLA = "documentos/correo/notificacion.txt"
ASUNTOS = {
    Notificacion.Motivo.RECEPCION: gettext_lazy("Recibimos su escrito con folio %(folio)s"),
    Notificacion.Motivo.TURNO: gettext_lazy("Su escrito con folio %(folio)s fue turnado"),
    Notificacion.Motivo.RESPUESTA: gettext_lazy("Su escrito con folio %(folio)s tiene respuesta"),
}


def al_notificar(sender, escrito_id: int, motivo: str, respuesta_id=None, **kwargs) -> None:
    """Receiver of documentos.eventos.senal_remitente_por_notificar."""
    programar(escrito_id, motivo, respuesta_id)


def programar(escrito_id: int, motivo: str, respuesta_id: int | None = None):
    """Write the notification (if the remitente gave a valid e-mail and it does not exist
    yet) and queue its sending once the current transaction commits."""
    escrito = Escrito.objects.get(pk=escrito_id)
    destinatario = correo_de(escrito.remitente_contacto)
    if destinatario is None:
        return None
    notificacion, creada = Notificacion.objects.get_or_create(
        escrito=escrito,
        motivo=motivo,
        respuesta_id=respuesta_id,
        defaults={"destinatario": destinatario},
    )
    if creada:
        encolar(notificacion.pk)
    return notificacion


def espera(intento: int) -> timedelta:
    """Backoff before attempt `intento + 1`: base, 2x base, 4x base, ..."""
    return timedelta(seconds=settings.FOLIO_NOTIFICACION_ESPERA_S * 2 ** max(intento - 1, 0))


def encolar(notificacion_id: int, *, despues=None) -> None:
    """Queue the sending once the current transaction commits (later, when retrying)."""
    from ..tasks import enviar_notificacion

    tarea = enviar_notificacion
    if despues and tarea.get_backend().supports_defer:
        tarea = tarea.using(run_after=timezone.now() + despues)
    transaction.on_commit(partial(tarea.enqueue, notificacion_id))


def reencolar_pendientes(minutos: int) -> int:
    """Queue again the notifications still pendiente with no attempt for `minutos` (a
    worker died, or the queueing after commit was lost). Safe: sending claims the row."""
    limite = timezone.now() - timedelta(minutes=minutos)
    pendientes = Notificacion.objects.filter(estado=Estado.PENDIENTE, actualizada_en__lt=limite)
    ids = list(pendientes.values_list("pk", flat=True))
    with transaction.atomic():
        for notificacion_id in ids:
            encolar(notificacion_id)
    return len(ids)


def mensaje(notificacion: Notificacion) -> EmailMessage:
    escrito = notificacion.escrito
    contexto = {
        "escrito": escrito,
        "motivo": notificacion.motivo,
        "url": url_consulta(escrito),
        "enlaces": (
            enlaces_tras_respuesta(escrito)
            if notificacion.motivo == Notificacion.Motivo.RESPUESTA
            else []
        ),
        "sitio": settings.WAGTAIL_SITE_NAME,
    }
    asunto = ASUNTOS[notificacion.motivo] % {"folio": escrito.folio}
    cuerpo = render_to_string(PLANTILLA, contexto)
    return EmailMessage(asunto, cuerpo, settings.DEFAULT_FROM_EMAIL, [notificacion.destinatario])


def _sin_destinatario(texto: str, destinatario: str) -> str:
    """An SMTP error may quote the address: the bitácora never holds it."""
    return texto.replace(destinatario, "[destinatario]")


def enviar(notificacion_id: int) -> str | None:
    """Send one notification unless it was already sent or given up. Safe to run twice:
    the row is locked and claimed (by its attempt count) before the mail goes out.
    Returns the new state, or None when there was nothing to do."""
    with transaction.atomic():
        notificacion = (
            Notificacion.objects.select_for_update()
            .select_related("escrito")
            .filter(pk=notificacion_id)
            .first()
        )
        if notificacion is None or notificacion.estado != Estado.PENDIENTE:
            return None
        reclamada = Notificacion.objects.filter(
            pk=notificacion.pk, estado=Estado.PENDIENTE, intentos=notificacion.intentos
        ).update(intentos=notificacion.intentos + 1, actualizada_en=timezone.now())
        if not reclamada:
            return None
        notificacion.intentos += 1
        try:
            mensaje(notificacion).send()
        except Exception as error:  # SMTP, DNS, a refused recipient: recorded, retried
            logger.warning("Notificación %s no enviada: %s", notificacion.pk, error)
            return _fallo(notificacion, error)
        notificacion.estado = Estado.ENVIADA
        notificacion.enviada_en = timezone.now()
        notificacion.error = ""
        notificacion.save(update_fields=["estado", "enviada_en", "error", "actualizada_en"])
        bitacora.registrar(
            EntradaBitacora.Accion.NOTIFICACION,
            _(
                "Notificó al remitente por correo electrónico: %(motivo)s (acuse de "
                "notificación electrónica)."
            )
            % {"motivo": notificacion.get_motivo_display().lower()},
            escrito=notificacion.escrito,
            actor=bitacora.SISTEMA_NOTIFICACIONES,
            despues=_resumen(notificacion),
        )
    return notificacion.estado


def _fallo(notificacion: Notificacion, error: Exception) -> str:
    notificacion.error = (str(error) or error.__class__.__name__)[:2000]
    if notificacion.intentos < settings.FOLIO_NOTIFICACION_INTENTOS:
        notificacion.save(update_fields=["error", "actualizada_en"])
        encolar(notificacion.pk, despues=espera(notificacion.intentos))
        return notificacion.estado
    notificacion.estado = Estado.FALLIDA
    notificacion.save(update_fields=["estado", "error", "actualizada_en"])
    bitacora.registrar(
        EntradaBitacora.Accion.NOTIFICACION,
        _(
            "No se pudo notificar al remitente por correo electrónico (%(motivo)s) tras "
            "%(n)s intentos: %(error)s"
        )
        % {
            "motivo": notificacion.get_motivo_display().lower(),
            "n": notificacion.intentos,
            "error": _sin_destinatario(notificacion.error, notificacion.destinatario),
        },
        escrito=notificacion.escrito,
        actor=bitacora.SISTEMA_NOTIFICACIONES,
        despues=_resumen(notificacion),
    )
    return notificacion.estado


def _resumen(notificacion: Notificacion) -> dict:
    return {
        "motivo": notificacion.motivo,
        "respuesta": notificacion.respuesta_id,
        "estado": notificacion.estado,
        "intentos": notificacion.intentos,
    }
