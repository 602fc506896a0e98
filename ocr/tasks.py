"""OCR background tasks: thin, by id, safe to run twice (the work is in services)."""

from django_tasks import task

COLA = "ocr"  # its own queue and workers: interactive work never waits behind OCR


@task(queue_name=COLA)
def ocr_archivo(archivo_id: int) -> str | None:
    """Read the text of one stored file (documentos.Archivo)."""
    from . import services

    return services.leer_archivo(archivo_id)
