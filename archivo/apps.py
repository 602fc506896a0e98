from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ArchivoConfig(AppConfig):
    name = "archivo"
    verbose_name = _("Gestión documental")
    default_auto_field = "django.db.models.BigAutoField"
