"""OCR background tasks. The pipeline itself lands with the OCR work (feat/ocr)."""

from django_tasks import task


@task()
def ocr_archivo(archivo_id: int) -> None:
    """Placeholder until the OCR pipeline is merged: does nothing."""
