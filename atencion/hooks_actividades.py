"""Wagtail admin hooks of the activities (imported by wagtail_hooks.py): the actividades of
the plan anticorrupción and the acciones de mejora, each edited on its own with its
seguimientos, and the indicators' fichas. Comunicación, the unidad de modernización and
who else holds the model permissions (atencion migration 0003) use them."""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views import snippets as snippet_views
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from documentos.views.staff import prohibido

from . import selectors_actividades
from .forms_actividades import (
    ActividadFilterSet,
    ActividadForm,
    SeguimientosPanel,
    chooser_con_busqueda,
)
from .models import Actividad, Indicador


class _Con403:
    """A 403 page for who lacks the model permission (Wagtail redirects to the dashboard)."""

    def dispatch(self, request, *args, **kwargs):
        try:
            return super().dispatch(request, *args, **kwargs)
        except PermissionDenied:
            return prohibido(request, _("No tiene permiso para editar las actividades del plan."))


class _Lista(_Con403, snippet_views.IndexView):
    pass


class _Nueva(_Con403, snippet_views.CreateView):
    pass


class _Edicion(_Con403, snippet_views.EditView):
    pass


def _estado_texto(actividad):
    return dict(selectors_actividades.estados())[selectors_actividades.estado(actividad)]


class ActividadViewSet(SnippetViewSet):
    model = Actividad
    icon = "date"
    menu_label = _("Actividades y seguimiento")
    menu_name = "actividades"
    index_view_class = _Lista
    add_view_class = _Nueva
    edit_view_class = _Edicion
    list_display = [
        "nombre",
        Column("area_responsable", label=_("Área responsable")),
        Column("inicio", label=_("Inicio"), sort_key="inicio"),
        Column("fin", label=_("Fin"), sort_key="fin"),
        Column("avance", label=_("Avance"), accessor=lambda a: f"{a.avance_actual} %"),
        Column("estado", label=_("Estado"), accessor=_estado_texto),
    ]
    filterset_class = ActividadFilterSet
    search_fields = ["nombre", "meta", "indicador__nombre", "area_responsable__nombre"]
    chooser_viewset_class = chooser_con_busqueda("nombre", "area_responsable__nombre")
    ordering = ["inicio", "pk"]
    edit_handler = ObjectList(
        [
            MultiFieldPanel([FieldPanel("nombre"), FieldPanel("meta")], heading=_("Actividad")),
            MultiFieldPanel(
                [
                    FieldPanel("area_responsable"),
                    FieldPanel("responsable"),
                    FieldPanel("inicio"),
                    FieldPanel("fin"),
                ],
                heading=_("Responsable y fechas"),
            ),
            MultiFieldPanel([FieldPanel("indicador")], heading=_("Indicador")),
            SeguimientosPanel(
                "seguimientos",
                heading=_("Seguimiento"),
                label=_("seguimiento"),
                panels=[
                    FieldPanel("fecha"),
                    FieldPanel("avance"),
                    FieldPanel("descripcion"),
                    FieldPanel("valor"),
                    FieldPanel("evidencia"),
                ],
            ),
        ],
        base_form_class=ActividadForm,
    )

    def get_queryset(self, request):
        return selectors_actividades.con_avance().select_related("area_responsable")


class IndicadorViewSet(SnippetViewSet):
    model = Indicador
    icon = "crosshairs"
    menu_label = _("Indicadores")
    menu_name = "indicadores"
    list_display = [
        "nombre",
        Column("calculo", label=_("Cálculo"), accessor="get_calculo_display"),
        Column("frecuencia", label=_("Frecuencia"), accessor="get_frecuencia_display"),
        Column("meta", label=_("Meta")),
    ]
    list_filter = ["calculo", "frecuencia"]
    search_fields = ["nombre", "formula", "fuente"]
    chooser_viewset_class = chooser_con_busqueda("nombre", "formula")
    edit_handler = ObjectList(
        [
            MultiFieldPanel(
                [FieldPanel("nombre"), FieldPanel("formula"), FieldPanel("fuente")],
                heading=_("Ficha del indicador"),
            ),
            MultiFieldPanel(
                [
                    FieldPanel("calculo"),
                    FieldPanel("frecuencia"),
                    FieldPanel("unidad"),
                    FieldPanel("linea_base"),
                    FieldPanel("meta"),
                    FieldPanel("mayor_es_mejor"),
                ],
                heading=_("Medición"),
            ),
        ]
    )


class ActividadesViewSetGroup(SnippetViewSetGroup):
    items = (ActividadViewSet, IndicadorViewSet)
    menu_icon = "date"
    menu_label = _("Actividades")
    menu_name = "actividades-e-indicadores"
    menu_order = 250


register_snippet(ActividadesViewSetGroup)
