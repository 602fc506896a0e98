from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BusquedaConfig(AppConfig):
    name = "busqueda"
    verbose_name = _("Búsqueda")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import client, signals  # noqa: F401

        client.configure()
