from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OcrConfig(AppConfig):
    name = "ocr"
    verbose_name = _("Reconocimiento de texto (OCR)")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from documentos import lectura
        from documentos.calidad import registrar_revisor
        from documentos.eventos import senal_archivo_guardado
        from documentos.testado import fuente

        from . import calidad, checks  # noqa: F401
        from .lectura import LectorOCR
        from .services import al_guardar_archivo
        from .testado import FuenteOCR

        # Every stored file is read: the only way in is services.encolar.
        senal_archivo_guardado.connect(al_guardar_archivo, dispatch_uid="ocr.archivo_guardado")
        lectura.registrar(LectorOCR())  # what the escrito page shows of the reading
        fuente.registrar(FuenteOCR())  # the versión pública's pages come from here
        registrar_revisor(calidad.revisar)  # the quality check at intake
