from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OcrConfig(AppConfig):
    name = "ocr"
    verbose_name = _("Reconocimiento de texto (OCR)")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from documentos.calidad import registrar_revisor
        from documentos.eventos import senal_archivo_guardado
        from documentos.testado.fuente import registrar

        from . import calidad, checks  # noqa: F401
        from .services import al_guardar_archivo
        from .testado import FuenteOCR

        senal_archivo_guardado.connect(al_guardar_archivo, dispatch_uid="ocr.archivo_guardado")
        registrar(FuenteOCR())  # the versión pública's pages come from here
        registrar_revisor(calidad.revisar)  # the quality check at intake
