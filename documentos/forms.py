"""Forms of the Oficialía screens. They only parse input: writes go through services."""

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet

from . import selectors
from .forms_recepcion import (  # noqa: F401 (the intake forms, re-exported)
    TIPOS_ACEPTADOS,
    ArchivosField,
    EnvioPublicoForm,
    MultipleFileInput,
    RecepcionForm,
)
from .models import Area, Escrito, Tema
from .plazos import ETIQUETAS_SEMAFORO


def _temas():
    return Tema.objects.filter(activo=True)


def _areas():
    return Area.objects.filter(activa=True)


class PersonaChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.get_full_name() or obj.get_username()


class ConsultaForm(forms.Form):
    folio = forms.CharField(
        label=_("Folio"),
        max_length=40,
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "placeholder": "OP-2026-000123", "spellcheck": "false"}
        ),
    )
    codigo = forms.CharField(
        label=_("Código de acceso"),
        max_length=40,
        help_text=_("Viene en su acuse de recibo. No distingue mayúsculas ni guiones."),
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"}
        ),
    )


# ---------------------------------------------------------------------------------------
# Turning several escritos at once (the actions on one escrito: forms_acciones.py)


class TurnoEnBloqueForm(forms.Form):
    area = forms.ModelChoiceField(
        label=_("Turnar a"), queryset=Area.objects.none(), empty_label=_("Elija el área")
    )
    instruccion = forms.CharField(
        label=_("Instrucción"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["area"].queryset = _areas()


# ---------------------------------------------------------------------------------------
# Bandeja filters (the filtering itself is selectors.filtrar_bandeja)


def _areas_del_usuario(request):
    if request is None:
        return Area.objects.none()
    return selectors.areas_para_filtro(request.user)


class BandejaFilterSet(WagtailFilterSet):
    estado = django_filters.ChoiceFilter(
        label=_("Estado"),
        choices=Escrito.Estado.choices,
        empty_label=_("Todos"),
        widget=forms.RadioSelect,
    )
    semaforo = django_filters.ChoiceFilter(
        label=_("Semáforo"),
        choices=[(k.value, v) for k, v in ETIQUETAS_SEMAFORO.items()],
        empty_label=_("Todos"),
        widget=forms.RadioSelect,
    )
    tipo = django_filters.ChoiceFilter(
        label=_("Tipo"), choices=Escrito.Tipo.choices, empty_label=_("Todos")
    )
    tema = django_filters.ModelChoiceFilter(
        label=_("Tema"), queryset=lambda request: _temas(), empty_label=_("Todos")
    )
    area = django_filters.ModelChoiceFilter(
        label=_("Área responsable"), queryset=_areas_del_usuario, empty_label=_("Todas")
    )
    recibido = django_filters.DateFromToRangeFilter(
        label=_("Fecha de recepción"), widget=DateRangePickerWidget
    )

    class Meta:
        model = Escrito
        fields = []

    def filter_queryset(self, queryset):
        d = self.form.cleaned_data
        rango = d.get("recibido")
        return selectors.filtrar_bandeja(
            queryset,
            estado=d.get("estado"),
            tipo=d.get("tipo"),
            tema=d.get("tema"),
            area=d.get("area"),
            semaforo=d.get("semaforo"),
            desde=rango.start if rango else None,
            hasta=rango.stop if rango else None,
        )
