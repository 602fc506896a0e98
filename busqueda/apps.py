from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BusquedaConfig(AppConfig):
    name = "busqueda"
    verbose_name = _("Búsqueda")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from documentos.eventos import senal_escrito_cambiado
        from documentos.resaltado import registrar_comparador

        from . import client, signals  # noqa: F401
        from .resaltado import comparador_de_palabras
        from .services import al_cambiar_escrito

        senal_escrito_cambiado.connect(al_cambiar_escrito, dispatch_uid="busqueda.escrito_cambiado")
        client.configure()
        registrar_comparador(comparador_de_palabras)
