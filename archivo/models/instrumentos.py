"""The archival instruments: cuadro de clasificación and catálogo de disposición (TRD)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Seccion(models.Model):
    codigo = models.CharField(_("código"), max_length=20, unique=True)
    nombre = models.CharField(_("nombre"), max_length=200)

    class Meta:
        verbose_name = _("sección")
        verbose_name_plural = _("secciones")
        ordering = ["codigo"]

    def __str__(self):
        return f"{self.codigo} {self.nombre}"


class Serie(models.Model):
    seccion = models.ForeignKey(
        Seccion, verbose_name=_("sección"), on_delete=models.PROTECT, related_name="series"
    )
    codigo = models.CharField(_("código"), max_length=30, unique=True)
    nombre = models.CharField(_("nombre"), max_length=200)

    class Meta:
        verbose_name = _("serie")
        verbose_name_plural = _("series")
        ordering = ["codigo"]

    def __str__(self):
        return f"{self.codigo} {self.nombre}"


class Subserie(models.Model):
    serie = models.ForeignKey(
        Serie, verbose_name=_("serie"), on_delete=models.PROTECT, related_name="subseries"
    )
    codigo = models.CharField(_("código"), max_length=40, unique=True)
    nombre = models.CharField(_("nombre"), max_length=200)

    class Meta:
        verbose_name = _("subserie")
        verbose_name_plural = _("subseries")
        ordering = ["codigo"]

    def __str__(self):
        return f"{self.codigo} {self.nombre}"


class CatalogoVersion(models.Model):
    """One version of the catálogo; an expediente keeps the version it was opened under."""

    class Estado(models.TextChoices):
        BORRADOR = "borrador", _("Borrador")
        APROBADA = "aprobada", _("Aprobada")

    nombre = models.CharField(_("nombre"), max_length=200)
    estado = models.CharField(
        _("estado"), max_length=10, choices=Estado.choices, default=Estado.BORRADOR
    )
    aprobada_en = models.DateTimeField(_("aprobada el"), null=True, blank=True)
    aprobada_por = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("aprobada por"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        verbose_name = _("versión del catálogo")
        verbose_name_plural = _("versiones del catálogo")
        ordering = ["-aprobada_en", "-pk"]

    def __str__(self):
        return self.nombre


class ReglaDisposicion(models.Model):
    """What the catálogo says of one serie (or subserie): vigencias, years and destino."""

    class Destino(models.TextChoices):
        CONSERVACION = "conservacion", _("Conservación (histórico)")
        BAJA = "baja", _("Baja")
        SELECCION = "seleccion", _("Selección")
        DIGITALIZACION = "digitalizacion", _("Digitalización")

    version = models.ForeignKey(
        CatalogoVersion,
        verbose_name=_("versión"),
        on_delete=models.CASCADE,
        related_name="reglas",
    )
    serie = models.ForeignKey(
        Serie, verbose_name=_("serie"), on_delete=models.PROTECT, related_name="reglas"
    )
    subserie = models.ForeignKey(
        Subserie,
        verbose_name=_("subserie"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="reglas",
    )
    valor_administrativo = models.BooleanField(_("valor administrativo"), default=False)
    valor_legal = models.BooleanField(_("valor legal"), default=False)
    valor_fiscal = models.BooleanField(_("valor fiscal o contable"), default=False)
    anios_tramite = models.PositiveSmallIntegerField(_("años en trámite"))
    anios_concentracion = models.PositiveSmallIntegerField(_("años en concentración"))
    destino = models.CharField(_("destino final"), max_length=15, choices=Destino.choices)
    base_legal = models.TextField(_("fundamento legal"), blank=True)
    observaciones = models.TextField(_("observaciones"), blank=True)

    class Meta:
        verbose_name = _("regla de disposición")
        verbose_name_plural = _("reglas de disposición")
        constraints = [
            models.UniqueConstraint(
                fields=["version", "serie", "subserie"], name="archivo_regla_unica"
            ),
            models.UniqueConstraint(
                fields=["version", "serie"],
                condition=models.Q(subserie__isnull=True),
                name="archivo_regla_serie_unica",
            ),
        ]

    def __str__(self):
        return f"{self.version}: {self.subserie or self.serie}"
