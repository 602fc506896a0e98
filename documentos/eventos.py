"""The hand-offs from documentos to the other packages, all in one place.

Work for other packages is enqueued only after the transaction commits, so a task
never sees (or misses) a half-made escrito.
"""

from functools import partial

from django.db import transaction
from django.dispatch import receiver

from ocr.signals import ocr_terminado


def archivo_guardado(archivo_id: int) -> None:
    """A file of an escrito was stored: read its text."""
    from ocr.tasks import ocr_archivo

    transaction.on_commit(partial(ocr_archivo.enqueue, archivo_id))


def escrito_cambiado(escrito_id: int) -> None:
    """Metadata, visibility or text of an escrito changed: refresh its search entry.

    busqueda writes its outbox row inside this transaction and indexes after commit.
    """
    from busqueda.services import encolar_escrito

    encolar_escrito(escrito_id)


@receiver(ocr_terminado, dispatch_uid="documentos.ocr_terminado")
def _ocr_terminado(sender, archivo_id: int, estado: str, **kwargs) -> None:
    from .services.archivos import registrar_ocr

    registrar_ocr(archivo_id, estado)
