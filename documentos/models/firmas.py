"""The electronic signatures of an answer: one row per signer, in order."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Firma(models.Model):
    """One signer's PAdES signature of a respuesta's PDF. Each signature is an incremental
    update of the previous file, stored as a new Archivo (`archivo`); never the key."""

    class Rol(models.TextChoices):
        ELABORO = "elaboro", _("Elaboró")
        REVISO = "reviso", _("Revisó")
        FIRMO = "firmo", _("Firmó")

    respuesta = models.ForeignKey(
        "documentos.Respuesta",
        verbose_name=_("respuesta"),
        on_delete=models.PROTECT,
        related_name="firmas",
    )
    orden = models.PositiveSmallIntegerField(_("orden"))
    rol = models.CharField(_("calidad en que firma"), max_length=10, choices=Rol.choices)
    usuario = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("servidor público"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    nombre = models.CharField(_("nombre del titular del certificado"), max_length=200)
    cargo = models.CharField(_("cargo"), max_length=200)
    numero_serie = models.CharField(_("número de serie del certificado"), max_length=80)
    emisor = models.CharField(_("emisor del certificado"), max_length=300)
    nivel = models.CharField(_("nivel PAdES"), max_length=5)
    campo = models.CharField(_("campo de firma"), max_length=40)
    archivo = models.ForeignKey(
        "documentos.Archivo",
        verbose_name=_("documento firmado"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    firmado_en = models.DateTimeField(_("firmado en"), auto_now_add=True)

    class Meta:
        verbose_name = _("firma electrónica")
        verbose_name_plural = _("firmas electrónicas")
        ordering = ["respuesta", "orden"]
        constraints = [
            models.UniqueConstraint(fields=["respuesta", "orden"], name="firma_orden_unico")
        ]

    def __str__(self):
        return f"{self.get_rol_display()}: {self.nombre}"
