from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class FiltroGuardado(models.Model):
    """A bandeja view a staff member saved under a name (its filters as a query string)."""

    usuario = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("usuario"),
        on_delete=models.CASCADE,
        related_name="filtros_guardados",
    )
    nombre = models.CharField(_("nombre"), max_length=80)
    querystring = models.CharField(_("filtros"), max_length=1000, blank=True)
    creado_en = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("filtro guardado")
        verbose_name_plural = _("filtros guardados")
        ordering = ["nombre", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["usuario", "nombre"], name="filtro_nombre_por_usuario")
        ]

    def __str__(self):
        return self.nombre
