"""Wagtail admin hooks of the ventanilla part (imported by wagtail_hooks.py)."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import admin_urls_ventanilla
from .views.ventanilla import puede_atender


@hooks.register("register_admin_urls")
def urls_de_ventanilla():
    return [
        path(
            "atencion/ventanilla/",
            include(admin_urls_ventanilla, namespace="atencion_ventanilla"),
        )
    ]


class VentanillaMenuItem(MenuItem):
    def is_shown(self, request):
        return puede_atender(request.user)


@hooks.register("register_admin_menu_item")
def menu_ventanilla():
    return VentanillaMenuItem(
        _("Ventanilla"),
        reverse("atencion_ventanilla:ventanilla"),
        name="ventanilla",
        icon_name="group",
        order=165,
    )
