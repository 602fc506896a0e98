from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Area(models.Model):
    """A unit of the organisation (Secretaría, Dirección, Unidad) that receives turnos."""

    class Tipo(models.TextChoices):
        SECRETARIA = "secretaria", _("Secretaría")
        DIRECCION = "direccion", _("Dirección")
        UNIDAD = "unidad", _("Unidad")
        OFICIALIA = "oficialia", _("Oficialía de Partes")

    nombre = models.CharField(_("nombre"), max_length=200, unique=True)
    siglas = models.CharField(_("siglas"), max_length=20, unique=True)
    tipo = models.CharField(_("tipo"), max_length=20, choices=Tipo.choices, default=Tipo.DIRECCION)
    padre = models.ForeignKey(
        "self",
        verbose_name=_("depende de"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="subareas",
    )
    personal = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name=_("personal"), blank=True, related_name="areas"
    )
    activa = models.BooleanField(_("activa"), default=True)

    class Meta:
        verbose_name = _("área")
        verbose_name_plural = _("áreas")
        ordering = ["nombre"]

    def __str__(self):
        return self.nombre


class Tema(models.Model):
    """A managed list of subjects used to classify escritos and trámites."""

    nombre = models.CharField(_("nombre"), max_length=120, unique=True)
    activo = models.BooleanField(_("activo"), default=True)

    class Meta:
        verbose_name = _("tema")
        verbose_name_plural = _("temas")
        ordering = ["nombre"]

    def __str__(self):
        return self.nombre
