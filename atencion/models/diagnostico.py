"""The qualitative parts of the diagnóstico de la situación actual that staff record per área
and period (Oaxaca's manual): the clima laboral survey's results and the checklist of the
physical and technological infrastructure. Records are never edited: a correction is a new
record, and the diagnosis reads the latest one of the period."""

from decimal import Decimal, InvalidOperation

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

NOTAS_MAX = 500


class DimensionClima(models.TextChoices):
    LIDERAZGO = "liderazgo", _("Liderazgo")
    COMUNICACION = "comunicacion", _("Comunicación")
    CONDICIONES = "condiciones", _("Condiciones de trabajo")
    RECONOCIMIENTO = "reconocimiento", _("Reconocimiento")
    CAPACITACION = "capacitacion", _("Capacitación")
    TRABAJO_EN_EQUIPO = "trabajo_en_equipo", _("Trabajo en equipo")


class ElementoInfraestructura(models.TextChoices):
    ACCESIBILIDAD = "accesibilidad", _("Accesibilidad (rampas, accesos, sanitario adaptado)")
    SENALIZACION = "senalizacion", _("Señalización e información a la vista")
    SALA_ESPERA = "sala_espera", _("Asientos y sala de espera")
    EQUIPO_COMPUTO = "equipo_computo", _("Equipo de cómputo e impresión")
    CONECTIVIDAD = "conectividad", _("Conectividad (internet y red)")
    SANITARIOS = "sanitarios", _("Sanitarios para el público")
    ILUMINACION = "iluminacion", _("Iluminación y ventilación")
    SEGURIDAD = "seguridad", _("Protección civil y seguridad")


class EstadoElemento(models.TextChoices):
    ADECUADO = "adecuado", _("Adecuado")
    MEJORABLE = "mejorable", _("Mejorable")
    INADECUADO = "inadecuado", _("Inadecuado")
    NO_APLICA = "no_aplica", _("No aplica")


class RegistroDiagnostico(models.Model):
    """What both records share: the área, the period they describe, who recorded them."""

    area = models.ForeignKey(
        "documentos.Area", verbose_name=_("área"), on_delete=models.PROTECT, related_name="+"
    )
    periodo_desde = models.DateField(_("periodo desde"))
    periodo_hasta = models.DateField(_("periodo hasta"))
    observaciones = models.TextField(_("observaciones"), blank=True, max_length=2000)
    registrada_por = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("registrada por"),
        on_delete=models.PROTECT,
        related_name="+",
        editable=False,
    )
    registrada_en = models.DateTimeField(_("registrada en"), auto_now_add=True)

    class Meta:
        abstract = True
        ordering = ["-registrada_en", "-pk"]

    def clean(self):
        if not (self.periodo_desde and self.periodo_hasta):
            return
        if self.periodo_desde > self.periodo_hasta:
            raise ValidationError({"periodo_hasta": _("El periodo termina antes de empezar.")})
        if self.periodo_hasta > timezone.localdate():
            raise ValidationError(
                {"periodo_hasta": _("El periodo no puede terminar después de hoy.")}
            )


def _media(valor) -> Decimal:
    """A mean on the 1 to 5 scale with at most two decimals, or ValueError."""
    if isinstance(valor, bool):
        raise ValueError(valor)
    try:
        media = Decimal(str(valor))
    except InvalidOperation as error:
        raise ValueError(valor) from error
    if not media.is_finite() or not 1 <= media <= 5 or media != round(media, 2):
        raise ValueError(valor)
    return media


class EncuestaClima(RegistroDiagnostico):
    """The results of a clima laboral survey of the área's staff: the mean (1 to 5) of each
    dimension measured."""

    participantes = models.PositiveIntegerField(
        _("personas que respondieron"), validators=[MinValueValidator(1)]
    )
    personal = models.PositiveIntegerField(
        _("personas que laboran en el área"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_("Para calcular la participación. Opcional."),
    )
    # {dimension: mean}, the DimensionClima measured (at least one), each 1.00 to 5.00.
    resultados = models.JSONField(_("promedio por dimensión"), default=dict)

    class Meta(RegistroDiagnostico.Meta):
        verbose_name = _("encuesta de clima laboral")
        verbose_name_plural = _("encuestas de clima laboral")

    def __str__(self):
        return f"{self.area} {self.periodo_desde:%d/%m/%Y} al {self.periodo_hasta:%d/%m/%Y}"

    def clean(self):
        super().clean()
        errores = {}
        if (
            self.personal is not None
            and self.participantes is not None
            and self.participantes > self.personal
        ):
            errores["participantes"] = _("Respondieron más personas de las que laboran en el área.")
        resultados = self.resultados if isinstance(self.resultados, dict) else None
        if not resultados:
            errores["resultados"] = _("Anote el promedio de al menos una dimensión.")
        elif set(resultados) - set(DimensionClima.values):
            errores["resultados"] = _("Hay dimensiones que no existen en la encuesta.")
        else:
            try:
                self.resultados = {d: float(_media(v)) for d, v in resultados.items()}
            except ValueError:
                errores["resultados"] = _(
                    "Cada promedio va de 1 a 5, con dos decimales como máximo."
                )
        if errores:
            raise ValidationError(errores)

    @property
    def participacion_pct(self) -> float | None:
        if not self.personal:
            return None
        return round(100 * self.participantes / self.personal, 1)

    def dimensiones(self) -> list[tuple[str, str, float | None]]:
        """(clave, etiqueta, promedio or None) in the survey's order."""
        return [(d.value, d.label, self.resultados.get(d.value)) for d in DimensionClima]


class RevisionInfraestructura(RegistroDiagnostico):
    """The checklist of the área's attention spaces: every element with its state and notes."""

    # {elemento: {"estado": EstadoElemento, "notas": str}} for every ElementoInfraestructura.
    elementos = models.JSONField(_("elementos revisados"), default=dict)

    class Meta(RegistroDiagnostico.Meta):
        verbose_name = _("revisión de infraestructura")
        verbose_name_plural = _("revisiones de infraestructura")

    def __str__(self):
        return f"{self.area} {self.periodo_desde:%d/%m/%Y} al {self.periodo_hasta:%d/%m/%Y}"

    def clean(self):
        super().clean()
        elementos = self.elementos if isinstance(self.elementos, dict) else {}
        if set(elementos) != set(ElementoInfraestructura.values):
            raise ValidationError(
                {"elementos": _("Califique cada elemento de la lista, y solo esos.")}
            )
        limpios = {}
        for clave, valor in elementos.items():
            valor = valor if isinstance(valor, dict) else {}
            notas = valor.get("notas") or ""
            if valor.get("estado") not in EstadoElemento.values or not isinstance(notas, str):
                raise ValidationError(
                    {"elementos": _("Cada elemento necesita un estado de la lista.")}
                )
            if len(notas) > NOTAS_MAX:
                raise ValidationError(
                    {"elementos": _("Las notas de un elemento tienen 500 caracteres como máximo.")}
                )
            limpios[clave] = {"estado": valor["estado"], "notas": notas.strip()}
        self.elementos = limpios

    def revisados(self) -> list[tuple[str, str, str, str, str]]:
        """(clave, etiqueta, estado, etiqueta del estado, notas) in the checklist's order."""
        filas = []
        for elemento in ElementoInfraestructura:
            valor = self.elementos.get(elemento.value, {})
            estado = valor.get("estado", "")
            etiqueta = EstadoElemento(estado).label if estado in EstadoElemento.values else ""
            filas.append((elemento.value, elemento.label, estado, etiqueta, valor.get("notas", "")))
        return filas

    def cuenta(self, estado: str) -> int:
        return sum(v.get("estado") == estado for v in self.elementos.values())
