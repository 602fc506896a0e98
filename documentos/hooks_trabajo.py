"""The staff landing ("Mi trabajo"): Wagtail home panels in place of the default ones, and
the admin CSS that lets long menu labels wrap (imported by wagtail_hooks.py)."""

from django.templatetags.static import static
from django.urls import reverse
from django.utils.html import format_html
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.admin.views.home import LockedPagesPanel, RecentEditsPanel

from . import selectors_trabajo
from .views.bandeja import puede_usar_bandeja

# Wagtail's page-editing panels: noise on the landing of the Oficialía and the áreas.
PANELES_DE_PAGINAS = (RecentEditsPanel, LockedPagesPanel)


def _href(seccion) -> str:
    if seccion.url:
        return reverse(f"documentos_admin:{seccion.url}")
    return f"{reverse('documentos_admin:bandeja')}?{seccion.consulta}"


class MiTrabajoPanel(Component):
    name = "mi_trabajo"
    template_name = "documentos/admin/mi_trabajo.html"
    order = 10

    class Media:
        css = {"all": ["documentos/admin.css"]}

    def get_context_data(self, parent_context):
        trabajo = selectors_trabajo.mi_trabajo(parent_context["request"].user)
        bandeja = reverse("documentos_admin:bandeja")
        return {
            "secciones": [(s, _href(s)) for s in trabajo.secciones],
            "vencidos_por_area": trabajo.vencidos_por_area,
            "bandeja": bandeja,
        }


@hooks.register("construct_homepage_panels")
def panel_mi_trabajo(request, panels):
    if not puede_usar_bandeja(request.user):
        return
    panels[:] = [p for p in panels if not isinstance(p, PANELES_DE_PAGINAS)]
    panels.append(MiTrabajoPanel())


@hooks.register("construct_homepage_summary_items")
def sin_resumen_de_paginas(request, items):
    """Pages, images and documents counts say nothing to the Oficialía: Mi trabajo does."""
    if puede_usar_bandeja(request.user):
        items.clear()


@hooks.register("insert_global_admin_css")
def css_del_menu():
    return format_html('<link rel="stylesheet" href="{}">', static("documentos/menu.css"))
