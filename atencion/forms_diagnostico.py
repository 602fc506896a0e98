"""Forms of the diagnóstico and the prioritisation (admin): the period (and área) to look at,
the clima laboral results, the infrastructure checklist, and prioritising a trámite."""

import datetime as dt

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import (
    DimensionClima,
    ElementoInfraestructura,
    EstadoElemento,
    ModeloCalidad,
)
from .models.diagnostico import NOTAS_MAX

FECHA = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
AREA_VACIA = _("Elija un área")


def periodo_por_defecto() -> tuple[dt.date, dt.date]:
    """From the first of January to today."""
    hoy = timezone.localdate()
    return hoy.replace(month=1, day=1), hoy


class PeriodoForm(forms.Form):
    desde = forms.DateField(label=_("Desde"), widget=FECHA)
    hasta = forms.DateField(label=_("Hasta"), widget=FECHA)

    def clean(self):
        datos = super().clean()
        desde, hasta = datos.get("desde"), datos.get("hasta")
        if desde and hasta:
            if desde > hasta:
                self.add_error("hasta", _("El periodo termina antes de empezar."))
            elif hasta > timezone.localdate():
                self.add_error("hasta", _("El periodo no puede terminar después de hoy."))
        return datos


class DiagnosticoForm(PeriodoForm):
    """The área (among the ones the person may see) and the period."""

    area = forms.ModelChoiceField(label=_("Área"), queryset=None, empty_label=AREA_VACIA)
    field_order = ["area", "desde", "hasta"]

    def __init__(self, *args, areas, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["area"].queryset = areas.order_by("nombre")


class RegistroForm(PeriodoForm):
    observaciones = forms.CharField(
        label=_("Observaciones"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class ClimaForm(RegistroForm):
    participantes = forms.IntegerField(label=_("Personas que respondieron"), min_value=1)
    personal = forms.IntegerField(
        label=_("Personas que laboran en el área"),
        min_value=1,
        required=False,
        help_text=_("Para calcular la participación. Opcional."),
    )
    field_order = ["desde", "hasta", "participantes", "personal"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for dimension in DimensionClima:
            self.fields[f"dim_{dimension.value}"] = forms.DecimalField(
                label=dimension.label,
                min_value=1,
                max_value=5,
                decimal_places=2,
                required=False,
                help_text=_("Promedio de 1 a 5; vacío si la encuesta no la midió."),
            )
        self.order_fields([*self.field_order, *(f"dim_{d}" for d in DimensionClima.values)])

    def dimensiones(self):
        return [self[f"dim_{d}"] for d in DimensionClima.values]

    def resultados(self) -> dict[str, float]:
        return {
            d: float(valor)
            for d in DimensionClima.values
            if (valor := self.cleaned_data.get(f"dim_{d}")) is not None
        }


class InfraestructuraForm(RegistroForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for elemento in ElementoInfraestructura:
            self.fields[f"estado_{elemento.value}"] = forms.ChoiceField(
                label=elemento.label, choices=EstadoElemento.choices, widget=forms.RadioSelect
            )
            self.fields[f"notas_{elemento.value}"] = forms.CharField(
                label=_("Notas: %(elemento)s") % {"elemento": elemento.label},
                required=False,
                max_length=NOTAS_MAX,
            )

    def elementos_campos(self):
        return [(self[f"estado_{e}"], self[f"notas_{e}"]) for e in ElementoInfraestructura.values]

    def elementos(self) -> dict[str, dict]:
        return {
            e: {
                "estado": self.cleaned_data[f"estado_{e}"],
                "notas": self.cleaned_data.get(f"notas_{e}", ""),
            }
            for e in ElementoInfraestructura.values
        }


class PriorizarForm(PeriodoForm):
    modelo = forms.ModelChoiceField(
        label=_("Modelo de evaluación"),
        queryset=ModeloCalidad.objects.filter(activo=True),
        empty_label=_("Elija el modelo"),
    )
    motivo = forms.CharField(
        label=_("Motivo de la priorización"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=4000,
        help_text=_("Por qué se evalúa este trámite ahora; queda en la evaluación."),
    )
    field_order = ["modelo", "motivo"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["desde"].widget = forms.HiddenInput()
        self.fields["hasta"].widget = forms.HiddenInput()
