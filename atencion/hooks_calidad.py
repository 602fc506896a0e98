"""Wagtail admin hooks of the quality cycle (imported by wagtail_hooks.py).

The "Calidad del servicio" submenu is registered once, here. Every part of the cycle adds its
items by registering a function under the hook MENU_CALIDAD ("folio_menu_calidad") that
returns a MenuItem or a list of them (each with its own is_shown); a Wagtail ViewSet may set
`menu_hook = MENU_CALIDAD` instead. The submenu shows only when one of its items does."""

from django.urls import include, path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from . import admin_urls_calidad
from .calidad import permisos
from .calidad.registro import ACCIONES
from .models import ComponenteModelo, Criterio, ModeloCalidad

MENU_CALIDAD = "folio_menu_calidad"


class MenuCalidad(Menu):
    """A Menu whose hook functions may return one MenuItem or a list of them."""

    @cached_property
    def registered_menu_items(self):
        items = []
        for fn in hooks.get_hooks(self.register_hook_name):
            resultado = fn()
            items.extend(resultado if isinstance(resultado, list | tuple) else [resultado])
        return items


@hooks.register("register_admin_menu_item")
def menu_calidad():
    return SubmenuMenuItem(
        _("Calidad del servicio"),
        MenuCalidad(register_hook_name=MENU_CALIDAD),
        name="calidad",
        icon_name="tasks",
        order=280,
    )


class EvaluacionesMenuItem(MenuItem):
    def is_shown(self, request):
        return permisos.puede_ver_calidad(request.user)


class ModelosMenuItem(MenuItem):
    def is_shown(self, request):
        return permisos.puede_editar_modelos(request.user)


@hooks.register(MENU_CALIDAD)
def registrar_menu_calidad():
    return [
        EvaluacionesMenuItem(
            _("Evaluaciones de servicios"),
            reverse("calidad_evaluacion:lista"),
            name="calidad-evaluaciones",
            icon_name="tasks",
            order=300,
        ),
        ModelosMenuItem(
            _("Modelos de evaluación"),
            reverse("calidad_evaluacion:modelos"),
            name="calidad-modelos",
            icon_name="list-ul",
            order=900,
        ),
    ]


@hooks.register("register_admin_urls")
def urls_de_calidad():
    return [path("calidad/", include(admin_urls_calidad, namespace="calidad_evaluacion"))]


@hooks.register("register_log_actions")
def acciones_de_calidad(actions):
    for accion, (etiqueta, mensaje) in ACCIONES.items():
        actions.register_action(accion, etiqueta, mensaje)


# Editing the models (loaded from plantillas): components and criteria go with the
# permissions of ModeloCalidad, which the unidad de modernización has.
for modelo in (ComponenteModelo, Criterio):
    register_permission_policy(modelo, ModelPermissionPolicy(modelo, auth_model=ModeloCalidad))


class ModeloCalidadViewSet(ModelViewSet):
    model = ModeloCalidad
    name = "calidad_modelos"
    icon = "list-ul"
    form_fields = ["nombre", "base_legal", "activo"]
    list_display = ["nombre", "activo"]
    copy_view_enabled = False


class ComponenteViewSet(ModelViewSet):
    model = ComponenteModelo
    name = "calidad_componentes"
    icon = "list-ul"
    form_fields = ["modelo", "numero", "nombre", "descripcion"]
    list_display = ["__str__", "modelo"]
    list_filter = ["modelo"]
    copy_view_enabled = False


class CriterioViewSet(ModelViewSet):
    model = Criterio
    name = "calidad_criterios"
    icon = "list-ul"
    form_fields = ["componente", "numero", "texto", "guia"]
    list_display = ["__str__", "componente"]
    list_filter = ["componente__modelo"]
    search_fields = ["texto"]
    copy_view_enabled = False


@hooks.register("register_admin_viewset")
def vistas_de_modelos():
    return [ModeloCalidadViewSet(), ComponenteViewSet(), CriterioViewSet()]
