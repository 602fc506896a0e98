"""Wagtail admin hooks of the acciones de mejora (imported by wagtail_hooks.py): their
screens, their items of the "Calidad del servicio" submenu (the submenu itself is
registered once elsewhere, from the hook folio_menu_calidad) and the home panel of alerts."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component

from . import admin_urls_mejora
from .calidad import selectors_mejora as sel
from .views.mejora import puede_ver_mejoras

MENU_CALIDAD = "folio_menu_calidad"
MAXIMO_EN_PANEL = 8


@hooks.register("register_admin_urls")
def urls_de_mejora():
    return [path("calidad/mejora/", include(admin_urls_mejora, namespace="atencion_mejora"))]


class MejoraMenuItem(MenuItem):
    def is_shown(self, request):
        return puede_ver_mejoras(request.user)


@hooks.register(MENU_CALIDAD)
def menu_acciones():
    return MejoraMenuItem(
        _("Acciones de mejora"),
        reverse("atencion_mejora:acciones"),
        name="acciones-de-mejora",
        icon_name="tasks",
        order=400,
    )


@hooks.register(MENU_CALIDAD)
def menu_planes():
    return MejoraMenuItem(
        _("Planes e informes de mejora"),
        reverse("atencion_mejora:planes"),
        name="planes-de-mejora",
        icon_name="clipboard-list",
        order=410,
    )


class AlertasPanel(Component):
    """The alerts of the user's acciones de mejora; every alert for the overseers."""

    name = "alertas_mejora"
    template_name = "atencion/calidad/panel_alertas.html"
    order = 90

    def get_context_data(self, parent_context):
        usuario = parent_context["request"].user
        todas = sel.ve_todas_las_evaluaciones(usuario)
        alertas = sel.alertas() if todas else sel.alertas_para(usuario)
        return {
            "alertas": alertas[:MAXIMO_EN_PANEL],
            "total": len(alertas),
            "todas": todas,
        }


@hooks.register("construct_homepage_panels")
def panel_alertas(request, panels):
    panels.append(AlertasPanel())
