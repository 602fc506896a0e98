from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Turno(models.Model):
    """Routing of an escrito to an área (or a person), as responsible or for information."""

    escrito = models.ForeignKey(
        "documentos.Escrito", on_delete=models.PROTECT, related_name="turnos"
    )
    de_area = models.ForeignKey(
        "documentos.Area",
        verbose_name=_("de"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="turnos_enviados",
    )
    a_area = models.ForeignKey(
        "documentos.Area",
        verbose_name=_("a"),
        on_delete=models.PROTECT,
        related_name="turnos_recibidos",
    )
    a_usuario = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("a la persona"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    es_copia = models.BooleanField(_("con copia (para conocimiento)"), default=False)
    instruccion = models.TextField(_("instrucción"), blank=True)
    plazo = models.DateField(_("plazo"), null=True, blank=True)
    vigente = models.BooleanField(_("vigente"), default=True)
    turnado_por = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    turnado_en = models.DateTimeField(_("fecha"), auto_now_add=True)

    class Meta:
        verbose_name = _("turno")
        verbose_name_plural = _("turnos")
        ordering = ["turnado_en", "pk"]

    def __str__(self):
        return f"{self.escrito} → {self.a_area}"


class Asignacion(models.Model):
    """An área hands the work on an escrito to one of its staff."""

    escrito = models.ForeignKey(
        "documentos.Escrito", on_delete=models.PROTECT, related_name="asignaciones"
    )
    area = models.ForeignKey("documentos.Area", on_delete=models.PROTECT, related_name="+")
    asignado_a = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("asignado a"),
        on_delete=models.PROTECT,
        related_name="asignaciones",
    )
    instruccion = models.TextField(_("instrucción"), blank=True)
    vigente = models.BooleanField(default=True)
    asignado_por = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    asignado_en = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("asignación")
        verbose_name_plural = _("asignaciones")
        ordering = ["asignado_en", "pk"]

    def __str__(self):
        return f"{self.escrito} → {self.asignado_a}"


class Respuesta(models.Model):
    """The answer given to an escrito; concluding it requires one."""

    class Sentido(models.TextChoices):
        POSITIVA = "positiva", _("Positiva")
        NEGATIVA = "negativa", _("Negativa")
        PARCIAL = "parcial", _("Parcial")
        INCOMPETENCIA = "incompetencia", _("Incompetencia / turno a otra autoridad")

    escrito = models.ForeignKey(
        "documentos.Escrito", on_delete=models.PROTECT, related_name="respuestas"
    )
    sentido = models.CharField(_("sentido"), max_length=15, choices=Sentido.choices)
    texto = models.TextField(_("texto de la respuesta"))
    archivo = models.ForeignKey(
        "documentos.Archivo",
        verbose_name=_("respuesta firmada"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    fecha = models.DateField(_("fecha de la respuesta"))
    respondido_por = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    respondido_en = models.DateTimeField(auto_now_add=True)
    # Acuse de notificación electrónica: legal terms run from the first download.
    consultada_en = models.DateTimeField(
        _("consultada por primera vez por el remitente"), null=True, blank=True
    )

    # Printed on every signature block and in its QR; opens /verificar/ (documentos/firma/).
    codigo_verificacion = models.CharField(
        _("código de verificación"), max_length=14, unique=True, null=True, blank=True
    )

    class Meta:
        verbose_name = _("respuesta")
        verbose_name_plural = _("respuestas")
        ordering = ["respondido_en", "pk"]

    def __str__(self):
        return f"{self.escrito} · {self.get_sentido_display()}"
