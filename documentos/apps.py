from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _


def conceder_rol_app(sender, using, verbosity=1, stdout=None, **kwargs):
    """After every migrate on PostgreSQL: grant FOLIO_DB_ROL_APP its rights (see services)."""
    from django.conf import settings
    from django.db import connections

    rol = settings.FOLIO_DB_ROL_APP
    if not rol or connections[using].vendor != "postgresql":
        return
    from .services.rol_app import conceder

    conceder(rol, using=using)
    if verbosity >= 1 and stdout is not None:
        mensaje = gettext(
            "Permisos del rol %(rol)s: las tablas; en la bitácora, solo SELECT e INSERT."
        )
        stdout.write(mensaje % {"rol": rol})


class DocumentosConfig(AppConfig):
    name = "documentos"
    verbose_name = _("Oficialía de Partes")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.conf import settings
        from PIL import Image

        from . import checks  # noqa: F401
        from .eventos import senal_remitente_por_notificar
        from .services.notificaciones import al_notificar

        post_migrate.connect(conceder_rol_app, sender=self, dispatch_uid="documentos.rol_app")
        senal_remitente_por_notificar.connect(al_notificar, dispatch_uid="documentos.notificar")

        # Pillow refuses images above this size (decompression bombs).
        Image.MAX_IMAGE_PIXELS = settings.FOLIO_MAX_PIXELES
