"""Wagtail admin hooks of the kiosco part (imported by wagtail_hooks.py): the clerk's
"Dar turno" screen and the configuration of sedes, servicios and ventanillas (snippets)."""

from django import forms
from django.urls import include, path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from . import admin_urls_kiosco
from .models import Sede, Servicio, Ventanilla
from .views.dar_turno import puede_dar_turno


@hooks.register("register_admin_urls")
def urls_de_turnos():
    return [path("atencion/turnos/", include(admin_urls_kiosco, namespace="atencion_kiosco_admin"))]


class DarTurnoMenuItem(MenuItem):
    def is_shown(self, request):
        return puede_dar_turno(request.user)


@hooks.register("register_admin_menu_item")
def menu_dar_turno():
    return DarTurnoMenuItem(
        gettext_lazy("Dar turno"),
        reverse("atencion_kiosco_admin:dar_turno"),
        name="dar-turno",
        icon_name="list-ol",
        order=160,
    )


class ServiciosDeLaSede(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.sede} · {obj.nombre} ({obj.prefijo})"


class VentanillaForm(WagtailAdminModelForm):
    """A window attends only servicios of its own sede."""

    class Meta:
        field_classes = {"servicios": ServiciosDeLaSede}

    def clean(self):
        datos = super().clean()
        sede, servicios = datos.get("sede"), datos.get("servicios")
        if sede is not None and servicios:
            ajenos = [s.nombre for s in servicios if s.sede_id != sede.pk]
            if ajenos:
                self.add_error(
                    "servicios",
                    _("Estos servicios son de otra sede: %(servicios)s.")
                    % {"servicios": ", ".join(ajenos)},
                )
        return datos


class SedeViewSet(SnippetViewSet):
    model = Sede
    icon = "home"
    menu_label = gettext_lazy("Sedes")
    list_display = ["nombre", "slug", "preferente_cada", "activa"]
    search_fields = ["nombre"]
    panels = [
        FieldPanel("nombre"),
        FieldPanel("slug"),
        FieldPanel("direccion"),
        FieldPanel("preferente_cada"),
        FieldPanel("activa"),
    ]


class ServicioViewSet(SnippetViewSet):
    model = Servicio
    icon = "clipboard-list"
    menu_label = gettext_lazy("Servicios")
    list_display = ["nombre", "prefijo", "sede", "area", "minutos_estimados", "activo"]
    list_filter = ["sede", "activo"]
    search_fields = ["nombre"]
    panels = [
        FieldPanel("sede"),
        FieldPanel("nombre"),
        FieldPanel("prefijo"),
        FieldPanel("area"),
        FieldPanel("tramite"),
        FieldPanel("minutos_estimados"),
        FieldPanel("activo"),
    ]


class VentanillaViewSet(SnippetViewSet):
    model = Ventanilla
    icon = "desktop"
    menu_label = gettext_lazy("Ventanillas")
    list_display = ["__str__", "sede", "activa"]
    list_filter = ["sede", "activa"]
    edit_handler = ObjectList(
        [
            FieldPanel("sede"),
            FieldPanel("numero"),
            FieldPanel("servicios", widget=forms.CheckboxSelectMultiple),
            FieldPanel("activa"),
        ],
        base_form_class=VentanillaForm,
    )


class AtencionViewSetGroup(SnippetViewSetGroup):
    items = (SedeViewSet, ServicioViewSet, VentanillaViewSet)
    menu_icon = "group"
    menu_label = gettext_lazy("Sedes y ventanillas")
    menu_name = "sedes-y-ventanillas"
    menu_order = 310


register_snippet(AtencionViewSetGroup)
