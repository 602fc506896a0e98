"""Wagtail admin hooks of the diagnóstico and prioritisation part (imported by
wagtail_hooks.py): the pages' URLs and their items in the «Calidad del servicio» submenu
(registered by hooks_calidad)."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import admin_urls_diagnostico
from .calidad import permisos
from .hooks_calidad import MENU_CALIDAD


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
