from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DocumentosConfig(AppConfig):
    name = "documentos"
    verbose_name = _("Oficialía de Partes")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.conf import settings
        from PIL import Image

        from . import eventos  # noqa: F401  (signal receivers)

        # Pillow refuses images above this size (decompression bombs).
        Image.MAX_IMAGE_PIXELS = settings.FOLIO_MAX_PIXELES
