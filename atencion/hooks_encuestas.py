"""Wagtail admin hooks of the encuestas part (imported by wagtail_hooks.py): the questions
(a snippet communications staff edit) and the results report."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from . import services_encuestas
from .models import Cuestionario
from .views.resultados_encuestas import ResultadosView


class CuestionarioViewSet(SnippetViewSet):
    model = Cuestionario
    icon = "help"
    menu_label = _("Preguntas de la encuesta")
    menu_name = "encuesta-preguntas"
    menu_order = 260
    add_to_admin_menu = True
    list_display = ["nombre", "vigente", "actualizado_en"]


register_snippet(CuestionarioViewSet)


@hooks.register("after_create_snippet")
@hooks.register("after_edit_snippet")
def publicar_version(request, instance):
    """Freeze the edited questions as a new version right away (answers keep theirs)."""
    if isinstance(instance, Cuestionario) and instance.vigente:
        services_encuestas.publicar(instance)


@hooks.register("register_admin_urls")
def urls_de_encuestas():
    return [path("encuestas/resultados/", ResultadosView.as_view(), name="encuestas_resultados")]


@hooks.register("register_admin_menu_item")
def menu_resultados():
    return MenuItem(
        _("Resultados de encuestas"),
        reverse("encuestas_resultados"),
        name="encuestas-resultados",
        icon_name="list-ul",
        order=270,
    )
