"""The daily e-mail of the acciones de mejora's alerts to one person (`calidad_alertas`):
one row per person and day records what was sent, so a second run that day sends nothing."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class AvisoAlertas(models.Model):
    class Estado(models.TextChoices):
        PENDIENTE = "pendiente", _("Pendiente")
        ENVIADO = "enviado", _("Enviado")

    fecha = models.DateField(_("día"))
    usuario = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("persona"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    destinatario = models.EmailField(_("destinatario"), max_length=300)
    # What the mail listed: [{"tipo", "actividad", "texto"}, ...]
    alertas = models.JSONField(_("alertas"), default=list)
    estado = models.CharField(
        _("estado"), max_length=10, choices=Estado.choices, default=Estado.PENDIENTE
    )
    intentos = models.PositiveSmallIntegerField(_("intentos"), default=0)
    error = models.TextField(_("último error"), blank=True)
    enviado_en = models.DateTimeField(_("enviado en"), null=True, blank=True)

    class Meta:
        verbose_name = _("aviso de alertas de mejora")
        verbose_name_plural = _("avisos de alertas de mejora")
        ordering = ["-fecha", "usuario"]
        constraints = [
            models.UniqueConstraint(fields=["fecha", "usuario"], name="aviso_alertas_por_dia")
        ]

    def __str__(self):
        return f"{self.fecha:%d/%m/%Y} · {self.destinatario}"
