"""Satisfaction surveys. Communications staff edit a Cuestionario (its preguntas in a
StreamField); the first time it is shown after a change, services_encuestas freezes its
questions in a new VersionCuestionario (never edited again). Each RespuestaEncuesta points
at the version it answered, so editing questions never changes what old answers meant.
Answers are anonymous: no user and no IP; where they happened is copied for the results."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField


class PreguntaBlock(blocks.StructBlock):
    tipo = blocks.ChoiceBlock(
        label=_("tipo de respuesta"),
        choices=[
            ("escala5", _("Escala de 1 a 5")),
            ("escala10", _("Escala de 0 a 10 (recomendación)")),
            ("si_no_parcial", _("Sí / No / En parte")),
            ("texto", _("Texto libre")),
        ],
    )
    clave = blocks.RegexBlock(
        regex=r"^[a-z][a-z0-9_]{0,39}$",
        label=_("clave"),
        help_text=_(
            "Identifica la pregunta en los resultados (minúsculas y guiones bajos). Si solo "
            "corrige la redacción, no la cambie."
        ),
        error_messages={"invalid": _("Use minúsculas, números y guiones bajos.")},
    )
    texto = blocks.CharBlock(label=_("pregunta"), max_length=300)
    obligatoria = blocks.BooleanBlock(label=_("obligatoria"), required=False)

    class Meta:
        label = _("Pregunta")
        icon = "help"


class Cuestionario(models.Model):
    """The question set being edited; the one marked vigente is asked."""

    nombre = models.CharField(_("nombre"), max_length=200)
    vigente = models.BooleanField(
        _("vigente"), default=True, help_text=_("El cuestionario que se pregunta a la ciudadanía.")
    )
    preguntas = StreamField([("pregunta", PreguntaBlock())], verbose_name=_("preguntas"))
    actualizado_en = models.DateTimeField(auto_now=True)

    panels = [FieldPanel("nombre"), FieldPanel("vigente"), FieldPanel("preguntas")]

    class Meta:
        verbose_name = _("cuestionario de satisfacción")
        verbose_name_plural = _("cuestionarios de satisfacción")
        ordering = ["-vigente", "nombre"]

    def __str__(self):
        return self.nombre

    def clean(self):
        claves = [b.value["clave"] for b in self.preguntas]
        if len(set(claves)) != len(claves):
            raise ValidationError({"preguntas": _("Dos preguntas tienen la misma clave.")})


class VersionCuestionario(models.Model):
    """The questions of a Cuestionario as they were asked (frozen; never edited)."""

    cuestionario = models.ForeignKey(
        Cuestionario, on_delete=models.PROTECT, related_name="versiones"
    )
    numero = models.PositiveIntegerField(_("versión"))
    # [{"clave", "tipo", "texto", "obligatoria"}], in the order they are asked.
    preguntas = models.JSONField(_("preguntas"))
    publicada_en = models.DateTimeField(_("publicada en"), auto_now_add=True)

    class Meta:
        verbose_name = _("versión del cuestionario")
        verbose_name_plural = _("versiones del cuestionario")
        ordering = ["cuestionario", "-numero"]
        constraints = [
            models.UniqueConstraint(
                fields=["cuestionario", "numero"], name="version_cuestionario_unica"
            )
        ]

    def __str__(self):
        return f"{self.cuestionario} v{self.numero}"


class RespuestaEncuesta(models.Model):
    """One anonymous answer, for one ficha or one escrito (never two)."""

    class Coyotaje(models.TextChoices):
        SI = "si", _("Sí")
        NO = "no", _("No")

    version = models.ForeignKey(
        VersionCuestionario,
        verbose_name=_("versión del cuestionario"),
        on_delete=models.PROTECT,
        related_name="respuestas",
    )
    ficha = models.OneToOneField(
        "atencion.Ficha",
        verbose_name=_("turno"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="encuesta",
    )
    escrito = models.OneToOneField(
        "documentos.Escrito",
        verbose_name=_("escrito"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    # {clave: valor} for the version's preguntas (int, "si"/"no"/"parcial" or text).
    valores = models.JSONField(_("respuestas"), default=dict)
    satisfaccion = models.PositiveSmallIntegerField(_("satisfacción general"), null=True)
    coyotaje = models.CharField(
        _("le pidieron dinero o un regalo"), max_length=2, choices=Coyotaje.choices, blank=True
    )
    coyotaje_detalle = models.TextField(_("detalles"), blank=True, max_length=2000)
    denuncia = models.OneToOneField(
        "documentos.Escrito",
        verbose_name=_("denuncia a la Contraloría"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    # Where the attention happened, copied for the results.
    sede = models.ForeignKey(
        "atencion.Sede", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    servicio = models.ForeignKey(
        "atencion.Servicio", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    ventanilla = models.ForeignKey(
        "atencion.Ventanilla", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    servidor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("servidor público que atendió"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    area = models.ForeignKey(
        "documentos.Area", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    respondida_en = models.DateTimeField(_("respondida en"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("respuesta de encuesta")
        verbose_name_plural = _("respuestas de encuesta")
        ordering = ["-respondida_en"]
        constraints = [
            models.CheckConstraint(
                condition=(models.Q(ficha__isnull=False) & models.Q(escrito__isnull=True))
                | (models.Q(ficha__isnull=True) & models.Q(escrito__isnull=False)),
                name="encuesta_de_ficha_o_de_escrito",
            )
        ]

    def __str__(self):
        return f"{self.pk}"
