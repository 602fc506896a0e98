from django.db import models
from django.utils.translation import gettext_lazy as _


class DiaInhabil(models.Model):
    """A local non-working day added by an administrator (besides national holidays)."""

    fecha = models.DateField(_("fecha"), unique=True)
    descripcion = models.CharField(_("descripción"), max_length=200)

    class Meta:
        verbose_name = _("día inhábil")
        verbose_name_plural = _("días inhábiles")
        ordering = ["-fecha"]

    def __str__(self):
        return f"{self.fecha:%d/%m/%Y} · {self.descripcion}"
