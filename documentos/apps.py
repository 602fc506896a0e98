from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DocumentosConfig(AppConfig):
    name = "documentos"
    verbose_name = _("Oficialía de Partes")
    default_auto_field = "django.db.models.BigAutoField"
