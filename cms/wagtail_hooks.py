"""Wagtail admin hooks of the portal: áreas and temas as snippets (for choosers in pages)."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from documentos.models import Area, Tema


class AreaViewSet(SnippetViewSet):
    model = Area
    icon = "group"
    menu_label = _("Áreas")
    list_display = ["nombre", "siglas", "tipo", "activa"]
    list_filter = ["tipo", "activa"]
    search_fields = ["nombre", "siglas"]
    panels = [
        FieldPanel("nombre"),
        FieldPanel("siglas"),
        FieldPanel("tipo"),
        FieldPanel("padre"),
        FieldPanel("activa"),
    ]


class TemaViewSet(SnippetViewSet):
    model = Tema
    icon = "tag"
    menu_label = _("Temas")
    list_display = ["nombre", "activo"]
    list_filter = ["activo"]
    search_fields = ["nombre"]
    panels = [FieldPanel("nombre"), FieldPanel("activo")]


class CatalogosGroup(SnippetViewSetGroup):
    items = (AreaViewSet, TemaViewSet)
    menu_icon = "list-ul"
    menu_label = _("Catálogos")
    menu_name = "catalogos"


if not hasattr(Area, "snippet_viewset"):
    register_snippet(CatalogosGroup)

