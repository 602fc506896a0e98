"""Programmed activities with their follow-up: one model for the actividades of the plan
anticorrupción and for the acciones de mejora of a service evaluation (an acción de mejora
is an Actividad with an oportunidad), and the ficha of the indicator that measures them."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel


class Indicador(models.Model):
    """The ficha of an indicator. Those Folio can compute are measured from live data."""

    class Calculo(models.TextChoices):
        MANUAL = "manual", _("Lo registra el responsable en cada seguimiento")
        ESPERA_MEDIA = "espera_media", _("Espera media en ventanilla (minutos)")
        ESPERA_P90 = "espera_p90", _("Espera del 90 % de los turnos (minutos)")
        RESPUESTA_MEDIANA = "respuesta_mediana", _("Mediana de días hábiles para responder")
        EN_PLAZO = "en_plazo", _("Escritos respondidos en plazo (%)")
        SATISFACCION = "satisfaccion", _("Satisfacción en las encuestas (1 a 5)")
        QUEJAS = "quejas", _("Quejas y denuncias recibidas")

    class Frecuencia(models.TextChoices):
        MENSUAL = "mensual", _("Mensual")
        TRIMESTRAL = "trimestral", _("Trimestral")
        SEMESTRAL = "semestral", _("Semestral")
        ANUAL = "anual", _("Anual")

    nombre = models.CharField(_("indicador"), max_length=300)
    formula = models.CharField(_("fórmula"), max_length=400, blank=True)
    fuente = models.CharField(_("fuente de los datos"), max_length=300, blank=True)
    calculo = models.CharField(
        _("cálculo"), max_length=20, choices=Calculo.choices, default=Calculo.MANUAL
    )
    frecuencia = models.CharField(
        _("frecuencia de medición"),
        max_length=12,
        choices=Frecuencia.choices,
        default=Frecuencia.TRIMESTRAL,
    )
    unidad = models.CharField(_("unidad"), max_length=40, blank=True)
    linea_base = models.DecimalField(
        _("línea base"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    meta = models.DecimalField(_("meta"), max_digits=12, decimal_places=2, null=True, blank=True)
    mayor_es_mejor = models.BooleanField(
        _("un valor mayor es mejor"),
        default=True,
        help_text=_("Desmárquelo para tiempos de espera, días de respuesta o quejas."),
    )

    class Meta:
        verbose_name = _("indicador")
        verbose_name_plural = _("indicadores")
        ordering = ["nombre"]

    def __str__(self):
        return self.nombre

    @property
    def calculado(self) -> bool:
        return self.calculo != self.Calculo.MANUAL


class Actividad(ClusterableModel):
    """An activity with a responsable, dates, an indicator and follow-up entries."""

    nombre = models.CharField(_("actividad"), max_length=300)
    meta = models.TextField(_("meta o producto"))
    indicador = models.ForeignKey(
        Indicador,
        verbose_name=_("indicador"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="actividades",
    )
    area_responsable = models.ForeignKey(
        "documentos.Area",
        verbose_name=_("área responsable"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    responsable = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("persona responsable"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="actividades_a_cargo",
    )
    inicio = models.DateField(_("fecha de inicio"))
    fin = models.DateField(_("fecha de fin"))
    # Set when the activity is an acción de mejora of a service evaluation.
    oportunidad = models.ForeignKey(
        "atencion.OportunidadMejora",
        verbose_name=_("oportunidad de mejora"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="acciones",
    )
    creada_en = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("actividad")
        verbose_name_plural = _("actividades")
        ordering = ["inicio", "pk"]

    def __str__(self):
        return self.nombre

    def clean(self):
        if self.inicio and self.fin and self.fin < self.inicio:
            raise ValidationError(
                {"fin": _("La fecha de fin no puede ser anterior a la de inicio.")}
            )


class Seguimiento(models.Model):
    """A follow-up entry (corte) of an activity: progress, what was done, evidence."""

    actividad = ParentalKey(Actividad, on_delete=models.CASCADE, related_name="seguimientos")
    fecha = models.DateField(_("fecha del corte"))
    avance = models.PositiveSmallIntegerField(
        _("avance (%)"),
        validators=[MinValueValidator(0), MaxValueValidator(100)],
        help_text=_("De 0 a 100."),
    )
    descripcion = models.TextField(_("qué se hizo"), blank=True)
    # The indicator's value at this corte, when it is registered by hand.
    valor = models.DecimalField(
        _("valor del indicador"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    evidencia = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("evidencia"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    registrado_por = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    registrado_en = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("seguimiento")
        verbose_name_plural = _("seguimientos")
        ordering = ["actividad", "fecha", "pk"]

    def __str__(self):
        # "31 de agosto de 2026 — avance 70 %": the heading of the corte in its activity.
        return _("%(fecha)s — avance %(avance)s %%") % {
            "fecha": date_format(self.fecha, "j \\d\\e F \\d\\e Y"),
            "avance": self.avance,
        }
