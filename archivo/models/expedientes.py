"""Expedientes and the escritos filed in them."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Expediente(models.Model):
    class Valor(models.TextChoices):
        PUBLICO = "publico", _("Público")
        RESERVADO = "reservado", _("Reservado")
        CONFIDENCIAL = "confidencial", _("Confidencial")

    class Etapa(models.TextChoices):
        TRAMITE = "tramite", _("Archivo de trámite")
        CONCENTRACION = "concentracion", _("Archivo de concentración")
        HISTORICO = "historico", _("Archivo histórico")
        BAJA = "baja", _("Dado de baja")

    clave = models.CharField(_("clave"), max_length=80, unique=True)
    asunto = models.CharField(_("asunto"), max_length=500)
    area = models.ForeignKey(
        "documentos.Area",
        verbose_name=_("área"),
        on_delete=models.PROTECT,
        related_name="expedientes",
    )
    serie = models.ForeignKey(
        "archivo.Serie",
        verbose_name=_("serie"),
        on_delete=models.PROTECT,
        related_name="expedientes",
    )
    subserie = models.ForeignKey(
        "archivo.Subserie",
        verbose_name=_("subserie"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="expedientes",
    )
    version = models.ForeignKey(
        "archivo.CatalogoVersion",
        verbose_name=_("versión del catálogo"),
        on_delete=models.PROTECT,
        related_name="expedientes",
    )
    abierto_en = models.DateField(_("fecha de apertura"))
    cerrado_en = models.DateField(_("fecha de cierre"), null=True, blank=True)
    valor = models.CharField(
        _("valor"), max_length=15, choices=Valor.choices, default=Valor.PUBLICO
    )
    etapa = models.CharField(
        _("etapa"), max_length=15, choices=Etapa.choices, default=Etapa.TRAMITE
    )
    creado_por = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("abierto por"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        verbose_name = _("expediente")
        verbose_name_plural = _("expedientes")
        ordering = ["clave"]

    def __str__(self):
        return self.clave


class SecuenciaExpediente(models.Model):
    """The last number given per (área, serie, year): locked while the next clave is taken."""

    area = models.ForeignKey("documentos.Area", on_delete=models.CASCADE, related_name="+")
    serie = models.ForeignKey("archivo.Serie", on_delete=models.CASCADE, related_name="+")
    anio = models.PositiveSmallIntegerField(_("año"))
    ultimo = models.PositiveIntegerField(_("último número"), default=0)

    class Meta:
        verbose_name = _("secuencia de expedientes")
        verbose_name_plural = _("secuencias de expedientes")
        constraints = [
            models.UniqueConstraint(
                fields=["area", "serie", "anio"], name="archivo_secuencia_unica"
            )
        ]

    def __str__(self):
        return f"{self.area_id}/{self.serie_id}/{self.anio}: {self.ultimo}"


class ExpedienteEscrito(models.Model):
    """An escrito filed in an expediente: at most one expediente per escrito."""

    escrito = models.OneToOneField(
        "documentos.Escrito",
        verbose_name=_("escrito"),
        on_delete=models.PROTECT,
        related_name="en_expediente",
    )
    expediente = models.ForeignKey(
        Expediente,
        verbose_name=_("expediente"),
        on_delete=models.PROTECT,
        related_name="escritos",
    )
    agregado_en = models.DateTimeField(_("agregado el"), auto_now_add=True)
    agregado_por = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("agregado por"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        verbose_name = _("escrito del expediente")
        verbose_name_plural = _("escritos del expediente")

    def __str__(self):
        return f"{self.expediente} ← {self.escrito_id}"
