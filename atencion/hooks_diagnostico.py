"""Wagtail admin hooks of the diagnóstico and prioritisation part (imported by
wagtail_hooks.py): the pages' URLs and their items in the «Calidad del servicio» submenu."""

import importlib.util

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem

from . import admin_urls_diagnostico
from .calidad import permisos

MENU_CALIDAD = "folio_menu_calidad"


@hooks.register("register_admin_urls")
def urls_de_diagnostico():
    return [
        path(
            "calidad/",
            include(admin_urls_diagnostico, namespace="atencion_calidad_diagnostico"),
        )
    ]


class DiagnosticoMenuItem(MenuItem):
    def is_shown(self, request):
        return permisos.puede_ver_diagnostico(request.user)


class PriorizacionMenuItem(MenuItem):
    def is_shown(self, request):
        return permisos.puede_ver_calidad(request.user)


@hooks.register(MENU_CALIDAD)
def menu_diagnostico():
    return DiagnosticoMenuItem(
        _("Diagnóstico"),
        reverse("atencion_calidad_diagnostico:diagnostico"),
        name="calidad-diagnostico",
        icon_name="clipboard-list",
        order=100,
    )


@hooks.register(MENU_CALIDAD)
def menu_priorizacion():
    return PriorizacionMenuItem(
        _("Priorización"),
        reverse("atencion_calidad_diagnostico:priorizacion"),
        name="calidad-priorizacion",
        icon_name="order",
        order=200,
    )


# The submenu itself belongs to atencion/hooks_calidad.py (the evaluation part). Until that
# module exists this one shows the same submenu, so the pages are reachable; once it lands
# this stops registering itself (delete it then).
if importlib.util.find_spec(f"{__package__}.hooks_calidad") is None:

    @hooks.register("register_admin_menu_item")
    def menu_calidad_provisional():
        return SubmenuMenuItem(
            _("Calidad del servicio"),
            Menu(register_hook_name=MENU_CALIDAD),
            name="calidad",
            icon_name="tasks",
            order=280,
        )
