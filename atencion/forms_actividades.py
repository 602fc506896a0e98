"""The activity's admin form: its seguimientos newest first (an InlinePanel whose new entry
goes on top), who registered each one, and the filters of the list."""

import django_filters
from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from modelcluster.forms import BaseChildFormSet
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.forms.choosers import BaseFilterForm
from wagtail.admin.panels import InlinePanel
from wagtail.snippets.views.chooser import ChooseResultsView, ChooseView, SnippetChooserViewSet

from documentos.models import Area

from . import selectors_actividades
from .models import Actividad


class SeguimientosFormSet(BaseChildFormSet):
    """The cortes of an activity, the newest first."""

    def __init__(self, data=None, files=None, instance=None, queryset=None, **kwargs):
        if queryset is None and instance is not None and instance.pk:
            queryset = instance.seguimientos.all().order_by("-fecha", "-pk")
        super().__init__(data, files, instance=instance, queryset=queryset, **kwargs)


class SeguimientosPanel(InlinePanel):
    """InlinePanel of the seguimientos: each one headed "31 de agosto de 2026 — avance 70 %",
    newest first, "Agregar un seguimiento" above them and the new one on top."""

    def get_form_options(self):
        opciones = super().get_form_options()
        opciones["formsets"][self.relation_name]["formset"] = SeguimientosFormSet
        return opciones

    class BoundPanel(InlinePanel.BoundPanel):
        template_name = "atencion/panels/seguimientos.html"


class ActividadForm(WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "responsable" in self.fields:
            self.fields["responsable"].queryset = (
                get_user_model()
                .objects.filter(is_active=True)
                .order_by("first_name", "last_name", "username")
            )
            self.fields["responsable"].label_from_instance = lambda u: (
                u.get_full_name() or u.get_username()
            )

    def save(self, commit=True):
        for form in self.formsets["seguimientos"].forms:
            if form.instance.pk is None and form.has_changed():
                form.instance.registrado_por = self.for_user
        return super().save(commit)


class ActividadFilterSet(WagtailFilterSet):
    area_responsable = django_filters.ModelChoiceFilter(
        label=_("Área responsable"), queryset=Area.objects.order_by("nombre")
    )
    estado = django_filters.ChoiceFilter(
        label=_("Estado"), choices=selectors_actividades.estados, method="filtrar_estado"
    )
    vigente = django_filters.DateFromToRangeFilter(
        label=_("Programada entre"),
        method="filtrar_vigente",
        widget=DateRangePickerWidget,
        help_text=_("Actividades cuyo periodo toca estas fechas."),
    )
    accion_de_mejora = django_filters.BooleanFilter(
        label=_("Acción de mejora"), field_name="oportunidad", lookup_expr="isnull", exclude=True
    )

    class Meta:
        model = Actividad
        fields = []

    def filtrar_estado(self, queryset, name, valor):
        return selectors_actividades.en_estado(queryset, valor) if valor else queryset

    def filtrar_vigente(self, queryset, name, periodo):
        if periodo and periodo.start:
            queryset = queryset.filter(fin__gte=periodo.start)
        if periodo and periodo.stop:
            queryset = queryset.filter(inicio__lte=periodo.stop)
        return queryset


def chooser_con_busqueda(*campos):
    """A snippet chooser viewset whose modal searches these fields in the database (the
    models are not in Wagtail's search index)."""

    class Busqueda(BaseFilterForm):
        q = forms.CharField(
            label=_("Buscar"),
            required=False,
            widget=forms.TextInput(attrs={"placeholder": _("Buscar")}),
        )

        def filter(self, objects):
            consulta = (self.cleaned_data.get("q") or "").strip()
            if consulta:
                filtro = Q()
                for campo in campos:
                    filtro |= Q(**{f"{campo}__icontains": consulta})
                objects = objects.filter(filtro)
                self.is_searching, self.search_query = True, consulta
            return objects

    class Elegir(ChooseView):
        filter_form_class = Busqueda

    class Resultados(ChooseResultsView):
        filter_form_class = Busqueda

    return type(
        "ChooserConBusqueda",
        (SnippetChooserViewSet,),
        {"choose_view_class": Elegir, "choose_results_view_class": Resultados},
    )
