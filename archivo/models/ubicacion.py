"""Where the paper original is, and its loans."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Ubicacion(models.Model):
    expediente = models.OneToOneField(
        "archivo.Expediente",
        verbose_name=_("expediente"),
        on_delete=models.CASCADE,
        related_name="ubicacion",
    )
    deposito = models.CharField(_("archivo o depósito"), max_length=200)
    estante = models.CharField(_("estante"), max_length=50, blank=True)
    caja = models.CharField(_("caja"), max_length=50, blank=True)
    legajo = models.CharField(_("legajo"), max_length=50, blank=True)
    fojas = models.PositiveIntegerField(_("fojas"), default=0)

    class Meta:
        verbose_name = _("ubicación física")
        verbose_name_plural = _("ubicaciones físicas")

    def __str__(self):
        partes = [self.deposito, self.estante, self.caja, self.legajo]
        return " / ".join(p for p in partes if p)


class Prestamo(models.Model):
    expediente = models.ForeignKey(
        "archivo.Expediente",
        verbose_name=_("expediente"),
        on_delete=models.PROTECT,
        related_name="prestamos",
    )
    solicitante = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("solicitante"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    prestado_en = models.DateTimeField(_("prestado el"))
    vence_en = models.DateField(_("se devuelve a más tardar el"))
    devuelto_en = models.DateTimeField(_("devuelto el"), null=True, blank=True)
    recordatorios = models.PositiveIntegerField(_("recordatorios enviados"), default=0)

    class Meta:
        verbose_name = _("préstamo")
        verbose_name_plural = _("préstamos")
        ordering = ["-prestado_en"]
        constraints = [
            models.UniqueConstraint(
                fields=["expediente"],
                condition=models.Q(devuelto_en__isnull=True),
                name="archivo_un_prestamo_abierto",
            )
        ]

    def __str__(self):
        return f"{self.expediente} → {self.solicitante}"
