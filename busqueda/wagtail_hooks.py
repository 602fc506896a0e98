"""The archivist search in the Wagtail admin (menu "Búsqueda en el archivo")."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import views


@hooks.register("register_admin_urls")
def urls_de_busqueda():
    return [path("busqueda/", views.buscar_archivo, name="busqueda_archivo")]


class BusquedaMenuItem(MenuItem):
    def is_shown(self, request):
        return views.puede_buscar_en_archivo(request.user)


@hooks.register("register_admin_menu_item")
def menu_busqueda():
    return BusquedaMenuItem(
        _("Búsqueda en el archivo"),
        reverse("busqueda_archivo"),
        name="busqueda",
        icon_name="search",
        order=160,
    )
