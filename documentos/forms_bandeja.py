"""The bandeja's filters and its saved-filter form (the filtering itself is in selectors)."""

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet

from . import selectors, selectors_lectura, selectors_trabajo
from .forms import _temas
from .models import Area, Escrito
from .plazos import ETIQUETAS_SEMAFORO

TODOS = "todos"


def _areas_del_usuario(request):
    if request is None:
        return Area.objects.none()
    return selectors.areas_para_filtro(request.user)


class CasillaFilter(django_filters.Filter):
    """A checkbox: ticked or absent (never "No" among the active filters)."""

    field_class = forms.BooleanField


class BandejaFilterSet(WagtailFilterSet):
    """Every filter is applied in filter_queryset, through the selectors."""

    # No estado chosen: the pending work; "Todos" adds the concluded and cancelled ones.
    estado = django_filters.ChoiceFilter(
        label=_("Estado"),
        choices=[(TODOS, _("Todos")), *Escrito.Estado.choices],
        empty_label=_("Pendientes"),
        widget=forms.RadioSelect,
    )
    asignados = CasillaFilter(label=_("Asignados a mí"), widget=forms.CheckboxInput)
    lectura = CasillaFilter(
        label=_("Lectura (OCR) por revisar"),
        help_text=_("Escritos con páginas de lectura dudosa o ilegibles."),
        widget=forms.CheckboxInput,
    )
    tarea = django_filters.ChoiceFilter(
        label=_("Tarea"),
        choices=list(selectors_trabajo.TAREAS.items()),
        empty_label=_("Todas"),
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
    vence = django_filters.DateFromToRangeFilter(
        label=_("Fecha límite"), widget=DateRangePickerWidget
    )
    recibido = django_filters.DateFromToRangeFilter(
        label=_("Fecha de recepción"), widget=DateRangePickerWidget
    )

    class Meta:
        model = Escrito
        fields = []

    def filter_queryset(self, queryset):
        d = self.form.cleaned_data
        estado = d.get("estado")
        rango, vence = d.get("recibido"), d.get("vence")
        escritos = selectors.filtrar_bandeja(
            queryset,
            estado=None if estado == TODOS else estado,
            tipo=d.get("tipo"),
            tema=d.get("tema"),
            area=d.get("area"),
            semaforo=d.get("semaforo"),
            desde=rango.start if rango else None,
            hasta=rango.stop if rango else None,
        )
        if d.get("lectura"):
            escritos = selectors_lectura.con_lectura_senalada(escritos)
        return selectors_trabajo.filtrar_trabajo(
            escritos,
            self.request.user,
            solo_pendientes=not estado,
            asignados=bool(d.get("asignados")),
            tarea=d.get("tarea"),
            vence_desde=vence.start if vence else None,
            vence_hasta=vence.stop if vence else None,
        )


class FiltroGuardadoForm(forms.Form):
    nombre = forms.CharField(label=_("Nombre del filtro"), max_length=80)
    querystring = forms.CharField(required=False, widget=forms.HiddenInput, max_length=1000)
