"""What documentos announces to the packages above it (ocr, busqueda, and those to come).

documentos never imports them (ARCHITECTURE.md): it sends these signals inside the caller's
transaction, and each upper package connects its receiver in its own apps.py. Receivers that
start background work defer it to on_commit, so a task never sees a half-made escrito.

- `archivo_guardado` (archivo_id): a file of an escrito was stored; ocr reads its text.
- `escrito_cambiado` (escrito_id): metadata, visibility or text of an escrito changed (its
  versión pública approved or invalidated too); busqueda writes its outbox row in this
  transaction and, after commit, refreshes its staff and public documents.
"""

from django.dispatch import Signal

senal_archivo_guardado = Signal()
senal_escrito_cambiado = Signal()


def archivo_guardado(archivo_id: int) -> None:
    senal_archivo_guardado.send(sender=None, archivo_id=archivo_id)


def escrito_cambiado(escrito_id: int) -> None:
    senal_escrito_cambiado.send(sender=None, escrito_id=escrito_id)
