"""Transfers, holds and bajas (with the evidence of what was destroyed)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Transferencia(models.Model):
    class Tipo(models.TextChoices):
        PRIMARIA = "primaria", _("Transferencia primaria (a concentración)")
        SECUNDARIA = "secundaria", _("Transferencia secundaria (a histórico)")

    tipo = models.CharField(_("tipo"), max_length=10, choices=Tipo.choices)
    area = models.ForeignKey(
        "documentos.Area",
        verbose_name=_("área"),
        on_delete=models.PROTECT,
        related_name="transferencias",
    )
    creada_en = models.DateTimeField(_("creada el"), auto_now_add=True)
    enviada_por = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("enviada por"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    recibida_en = models.DateTimeField(_("recibida el"), null=True, blank=True)
    recibida_por = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recibida por"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    cajas = models.PositiveIntegerField(_("cajas"), default=0)

    class Meta:
        verbose_name = _("transferencia")
        verbose_name_plural = _("transferencias")
        ordering = ["-creada_en"]

    def __str__(self):
        return f"{self.get_tipo_display()} {self.area} {self.creada_en:%Y-%m-%d}"


class TransferenciaExpediente(models.Model):
    transferencia = models.ForeignKey(
        Transferencia,
        verbose_name=_("transferencia"),
        on_delete=models.CASCADE,
        related_name="partidas",
    )
    expediente = models.ForeignKey(
        "archivo.Expediente",
        verbose_name=_("expediente"),
        on_delete=models.PROTECT,
        related_name="transferencias",
    )

    class Meta:
        verbose_name = _("expediente transferido")
        verbose_name_plural = _("expedientes transferidos")
        constraints = [
            models.UniqueConstraint(
                fields=["transferencia", "expediente"], name="archivo_transferencia_partida"
            )
        ]

    def __str__(self):
        return f"{self.transferencia_id}: {self.expediente_id}"


class Retencion(models.Model):
    """A hold: while it stands the expediente can not be dado de baja."""

    class Motivo(models.TextChoices):
        LITIGIO = "litigio", _("Litigio")
        AUDITORIA = "auditoria", _("Auditoría")
        SOLICITUD_INFORMACION = "solicitud_informacion", _("Solicitud de información pendiente")

    expediente = models.ForeignKey(
        "archivo.Expediente",
        verbose_name=_("expediente"),
        on_delete=models.PROTECT,
        related_name="retenciones",
    )
    motivo = models.CharField(_("motivo"), max_length=25, choices=Motivo.choices)
    desde = models.DateField(_("desde"))
    levantada_en = models.DateField(_("levantada el"), null=True, blank=True)
    nota = models.TextField(_("nota"), blank=True)

    class Meta:
        verbose_name = _("retención")
        verbose_name_plural = _("retenciones")
        ordering = ["-desde"]

    def __str__(self):
        return f"{self.expediente}: {self.get_motivo_display()}"


class Baja(models.Model):
    """A baja documental and its acta."""

    class Estado(models.TextChoices):
        EN_REVISION = "en_revision", _("En revisión")
        APROBADA = "aprobada", _("Aprobada")
        EJECUTADA = "ejecutada", _("Ejecutada")

    numero_acta = models.CharField(_("número de acta"), max_length=50, unique=True)
    estado = models.CharField(
        _("estado"), max_length=12, choices=Estado.choices, default=Estado.EN_REVISION
    )
    dictamen = models.TextField(_("dictamen"), blank=True)
    aprobada_por = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("aprobada por"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    aprobada_en = models.DateTimeField(_("aprobada el"), null=True, blank=True)
    ejecutada_en = models.DateTimeField(_("ejecutada el"), null=True, blank=True)

    class Meta:
        verbose_name = _("baja documental")
        verbose_name_plural = _("bajas documentales")
        ordering = ["-pk"]

    def __str__(self):
        return self.numero_acta


class BajaExpediente(models.Model):
    baja = models.ForeignKey(
        Baja, verbose_name=_("baja"), on_delete=models.CASCADE, related_name="partidas"
    )
    expediente = models.ForeignKey(
        "archivo.Expediente",
        verbose_name=_("expediente"),
        on_delete=models.PROTECT,
        related_name="bajas",
    )

    class Meta:
        verbose_name = _("expediente dado de baja")
        verbose_name_plural = _("expedientes dados de baja")
        constraints = [
            models.UniqueConstraint(fields=["baja", "expediente"], name="archivo_baja_partida")
        ]

    def __str__(self):
        return f"{self.baja_id}: {self.expediente_id}"


class ArchivoDestruido(models.Model):
    """Evidence of one destroyed file: its name, size and SHA-256."""

    baja = models.ForeignKey(
        Baja, verbose_name=_("baja"), on_delete=models.PROTECT, related_name="destruidos"
    )
    nombre = models.CharField(_("nombre"), max_length=500)
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    tamano = models.PositiveBigIntegerField(_("tamaño en bytes"))

    class Meta:
        verbose_name = _("archivo destruido")
        verbose_name_plural = _("archivos destruidos")

    def __str__(self):
        return self.nombre
