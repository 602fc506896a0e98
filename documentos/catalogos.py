"""Admin screens for the catalogs administrators keep: áreas, temas and días inhábiles.

They are Wagtail snippets, so page editors can also choose áreas and temas.
Registered from documentos/wagtail_hooks.py.
"""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Area, DiaInhabil, Tema


class AreaViewSet(SnippetViewSet):
    model = Area
    icon = "group"
    menu_label = _("Áreas")
    list_display = ["nombre", "siglas", "tipo", "padre", "activa"]
    list_filter = ["tipo", "activa"]
    search_fields = ["nombre", "siglas"]
    panels = [
        FieldPanel("nombre"),
        FieldPanel("siglas"),
        FieldPanel("tipo"),
        FieldPanel("padre"),
        FieldPanel("personal"),
        FieldPanel("activa"),
    ]


class TemaViewSet(SnippetViewSet):
    model = Tema
    icon = "tag"
    menu_label = _("Temas")
    list_display = ["nombre", "activo"]
    search_fields = ["nombre"]


class DiaInhabilViewSet(SnippetViewSet):
    model = DiaInhabil
    icon = "date"
    menu_label = _("Días inhábiles")
    list_display = ["fecha", "descripcion"]
    ordering = ["-fecha"]


class CatalogosViewSetGroup(SnippetViewSetGroup):
    items = (AreaViewSet, TemaViewSet, DiaInhabilViewSet)
    menu_icon = "list-ul"
    menu_label = _("Catálogos")
    menu_name = "catalogos"
    menu_order = 300
