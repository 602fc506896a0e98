from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AtencionConfig(AppConfig):
    name = "atencion"
    verbose_name = _("Atención en ventanilla")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from documentos.enlaces import ofrecer_tras_respuesta
        from documentos.eventos import senal_escrito_recibido_en_ventanilla

        from .receptores import al_recibir_escrito
        from .services_encuestas import enlace_encuesta_escrito

        ofrecer_tras_respuesta(enlace_encuesta_escrito)
        senal_escrito_recibido_en_ventanilla.connect(
            al_recibir_escrito, dispatch_uid="atencion.escrito_recibido"
        )
