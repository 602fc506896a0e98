from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AtencionConfig(AppConfig):
    name = "atencion"
    verbose_name = _("Atención en ventanilla")
    default_auto_field = "django.db.models.BigAutoField"
