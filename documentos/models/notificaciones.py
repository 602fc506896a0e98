from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


def validar_contacto(valor: str) -> None:
    """A contact with an @ is an e-mail address and must be a valid one."""
    if "@" not in (valor or ""):
        return
    try:
        validate_email(valor.strip())
    except ValidationError:
        raise ValidationError(
            _(
                "Escriba un correo electrónico válido (por ejemplo, nombre@dominio.mx) o un "
                "número de teléfono."
            ),
            code="correo",
        ) from None


def correo_de(contacto: str) -> str | None:
    """The remitente's e-mail address if the contact is a valid one, else None."""
    contacto = (contacto or "").strip()
    if "@" not in contacto:
        return None
    try:
        validate_email(contacto)
    except ValidationError:
        return None
    return contacto


class Notificacion(models.Model):
    """An e-mail to the remitente about their escrito: one per escrito, motivo and
    respuesta, so sending it twice is impossible (see services/notificaciones.py)."""

    class Motivo(models.TextChoices):
        RECEPCION = "recepcion", _("Escrito recibido")
        TURNO = "turno", _("Escrito turnado a un área")
        RESPUESTA = "respuesta", _("Respuesta emitida")

    class Estado(models.TextChoices):
        PENDIENTE = "pendiente", _("Pendiente")
        ENVIADA = "enviada", _("Enviada")
        FALLIDA = "fallida", _("Fallida")

    escrito = models.ForeignKey(
        "documentos.Escrito", on_delete=models.PROTECT, related_name="notificaciones"
    )
    motivo = models.CharField(_("motivo"), max_length=12, choices=Motivo.choices)
    respuesta = models.ForeignKey(
        "documentos.Respuesta",
        verbose_name=_("respuesta"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="notificaciones",
    )
    destinatario = models.EmailField(_("destinatario"), max_length=300)
    estado = models.CharField(
        _("estado"), max_length=10, choices=Estado.choices, default=Estado.PENDIENTE
    )
    intentos = models.PositiveSmallIntegerField(_("intentos"), default=0)
    enviada_en = models.DateTimeField(_("enviada en"), null=True, blank=True)
    error = models.TextField(_("último error"), blank=True)
    creada_en = models.DateTimeField(_("creada en"), auto_now_add=True)
    actualizada_en = models.DateTimeField(_("último intento"), auto_now=True)

    class Meta:
        verbose_name = _("notificación electrónica")
        verbose_name_plural = _("notificaciones electrónicas")
        ordering = ["creada_en", "pk"]
        constraints = [
            # Two partial constraints: NULLs are distinct in a plain unique constraint.
            models.UniqueConstraint(
                fields=["escrito", "motivo"],
                condition=Q(respuesta__isnull=True),
                name="notificacion_unica_sin_respuesta",
            ),
            models.UniqueConstraint(
                fields=["escrito", "motivo", "respuesta"],
                condition=Q(respuesta__isnull=False),
                name="notificacion_unica_por_respuesta",
            ),
        ]

    def __str__(self):
        return f"{self.escrito} · {self.get_motivo_display()} · {self.get_estado_display()}"
