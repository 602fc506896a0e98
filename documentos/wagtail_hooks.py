"""The Oficialía de Partes in the Wagtail admin: catalogues (snippets), URLs, menu and the
bulk turnado."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem
from wagtail.snippets.models import register_snippet

from . import admin_urls, hooks_trabajo, permisos  # noqa: F401 (hooks_trabajo registers)
from .catalogos import CatalogosViewSetGroup
from .views.bandeja import puede_usar_bandeja
from .views.bulk import TurnarEnBloque

register_snippet(CatalogosViewSetGroup)


@hooks.register("register_admin_urls")
def urls_de_oficialia():
    return [path("documentos/", include(admin_urls, namespace="documentos_admin"))]


class RecepcionMenuItem(MenuItem):
    def is_shown(self, request):
        return permisos.puede_recibir(request.user)


class BandejaMenuItem(MenuItem):
    def is_shown(self, request):
        return puede_usar_bandeja(request.user)


class VersionesPublicasMenuItem(MenuItem):
    def is_shown(self, request):
        return permisos.puede_testar_alguno(request.user)


@hooks.register("register_admin_menu_item")
def menu_oficialia():
    menu = Menu(
        items=[
            RecepcionMenuItem(
                _("Recepción"),
                reverse("documentos_admin:recepcion"),
                name="recepcion",
                icon_name="mail",
                order=100,
            ),
            BandejaMenuItem(
                _("Bandeja"),
                reverse("documentos_admin:bandeja"),
                name="bandeja",
                icon_name="tasks",
                order=200,
            ),
            VersionesPublicasMenuItem(
                _("Versiones públicas"),
                reverse("documentos_admin:versiones_publicas"),
                name="versiones-publicas",
                icon_name="view",
                order=300,
            ),
        ]
    )
    return SubmenuMenuItem(
        _("Oficialía de Partes"), menu, name="oficialia", icon_name="folder-open-inverse", order=150
    )


hooks.register("register_bulk_action", TurnarEnBloque)
