from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AtencionConfig(AppConfig):
    name = "atencion"
    verbose_name = _("Atención en ventanilla")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from documentos.enlaces import ofrecer_tras_respuesta

        from .services_encuestas import enlace_encuesta_escrito

        ofrecer_tras_respuesta(enlace_encuesta_escrito)
