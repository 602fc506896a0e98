"""What documentos announces to the packages above it (ocr, busqueda, and those to come).

documentos never imports them (ARCHITECTURE.md): it sends these signals inside the caller's
transaction, and each upper package connects its receiver in its own apps.py. Receivers that
start background work defer it to on_commit, so a task never sees a half-made escrito.

- `archivo_guardado` (archivo_id): a file of an escrito was stored; ocr reads its text.
- `escrito_cambiado` (escrito_id): metadata, visibility or text of an escrito changed (its
  versión pública approved or invalidated too); busqueda writes its outbox row in this
  transaction and, after commit, refreshes its staff and public documents.
- `remitente_por_notificar` (escrito_id, motivo, respuesta_id): the remitente should hear of
  this (received, turned, answered; Notificacion.Motivo); documentos' own e-mail
  notifications (services/notificaciones.py) subscribe in its apps.py.
- `escrito_recibido_en_ventanilla` (escrito_id, usuario_id, ficha): the intake screen
  registered an escrito; `ficha` is its `?ficha=` parameter as given (None without it), the
  queue ticket the escrito came with, for atencion to link (documentos does not read it).
"""

from django.dispatch import Signal

senal_archivo_guardado = Signal()
senal_escrito_cambiado = Signal()
senal_remitente_por_notificar = Signal()
senal_escrito_recibido_en_ventanilla = Signal()


def archivo_guardado(archivo_id: int) -> None:
    senal_archivo_guardado.send(sender=None, archivo_id=archivo_id)


def escrito_cambiado(escrito_id: int) -> None:
    senal_escrito_cambiado.send(sender=None, escrito_id=escrito_id)


def remitente_por_notificar(escrito_id: int, motivo: str, respuesta_id: int | None = None) -> None:
    senal_remitente_por_notificar.send(
        sender=None, escrito_id=escrito_id, motivo=motivo, respuesta_id=respuesta_id
    )


def escrito_recibido_en_ventanilla(escrito_id: int, usuario_id: int, ficha: str | None) -> None:
    senal_escrito_recibido_en_ventanilla.send(
        sender=None, escrito_id=escrito_id, usuario_id=usuario_id, ficha=ficha
    )
