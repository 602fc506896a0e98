"""The bandeja (inbox): escritos this staff member may see, with filters and semáforo."""

from django.db.models import Case, F, When
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext as _g
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.search import SearchForm
from wagtail.admin.ui.tables import BulkActionsCheckboxColumn, Column, TitleColumn
from wagtail.admin.views.generic.base import BaseListingView
from wagtail.admin.widgets.button import HeaderButton

from formatos import hojas
from formatos.descarga import descarga

from .. import permisos, selectors, selectors_trabajo, visibilidad
from ..forms_bandeja import BandejaFilterSet, FiltroGuardadoForm
from ..models import Escrito
from ..plazos import Semaforo
from ..selectors_lectura import anotar_lectura
from ..services.filtros import limpiar_querystring
from .staff import MIGA_INICIO, Prohibido403, prohibido


def puede_usar_bandeja(usuario) -> bool:
    return visibilidad.ve_todo(usuario) or bool(visibilidad.areas_de(usuario))


class SemaforoColumn(Column):
    cell_template_name = "documentos/admin/celdas/semaforo.html"


class EstadoColumn(Column):
    cell_template_name = "documentos/admin/celdas/estado.html"


class FechaColumn(Column):
    cell_template_name = "documentos/admin/celdas/fecha.html"


class AsuntoColumn(Column):
    cell_template_name = "documentos/admin/celdas/asunto.html"


class BandejaView(Prohibido403, BaseListingView):
    template_name = "documentos/admin/bandeja.html"
    results_template_name = "documentos/admin/bandeja_resultados.html"
    page_title = _("Bandeja")
    page_subtitle = ""
    header_icon = "tasks"
    index_url_name = "documentos_admin:bandeja"
    index_results_url_name = "documentos_admin:bandeja_resultados"
    filterset_class = BandejaFilterSet
    is_searchable = True
    # Soonest (and overdue) deadlines first: the bandeja is for finding what is due.
    default_ordering = "vence_en"
    paginate_by = 50
    verbose_name = _("escrito")
    verbose_name_plural = _("escritos")
    breadcrumbs_items = [MIGA_INICIO]

    def dispatch(self, request, *args, **kwargs):
        if not puede_usar_bandeja(request.user):
            return prohibido(request)
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, *args, **kwargs):
        formato = request.GET.get("exportar")
        if formato in ("csv", "xlsx"):
            return self.exportar(formato)
        return super().get(request, *args, **kwargs)

    def exportar(self, formato: str):
        """The whole filtered list (not only this page), as a spreadsheet."""
        columnas, filas = selectors_trabajo.filas_exportables(self.get_queryset())
        nombre = f"bandeja-{timezone.localdate():%Y-%m-%d}.{formato}"
        if formato == "csv":
            contenido, tipo = hojas.en_csv(columnas, filas), hojas.TIPO_CSV
        else:
            contenido, tipo = hojas.en_xlsx(_g("Bandeja"), columnas, filas), hojas.TIPO_XLSX
        return descarga(contenido, tipo, nombre, cache_control="private, no-store")

    @cached_property
    def columns(self):
        return [
            BulkActionsCheckboxColumn("bulk_actions", obj_type="escrito"),
            TitleColumn(
                "folio",
                label=_("Folio"),
                url_name="documentos_admin:escrito",
                get_title_id=lambda escrito: f"escrito_{escrito.pk}_title",
                sort_key="folio",
                classname="folio-col-folio",
            ),
            FechaColumn("recibido_en", label=_("Recibido"), sort_key="recibido_en"),
            Column("get_tipo_display", label=_("Tipo")),
            AsuntoColumn("asunto", label=_("Asunto / remitente")),
            Column("area_responsable", label=_("Área responsable")),
            EstadoColumn("estado", label=_("Estado")),
            SemaforoColumn("semaforo", label=_("Semáforo"), sort_key="vence_en"),
        ]

    def get_valid_orderings(self):
        return ["recibido_en", "-recibido_en", "vence_en", "-vence_en", "folio", "-folio"]

    def get_base_queryset(self):
        return anotar_lectura(selectors.bandeja(self.request.user))

    def order_queryset(self, queryset):
        orden = self.ordering or self.default_ordering
        if orden.lstrip("-") == "vence_en":
            vence = F("vence_en").desc(nulls_last=True) if orden.startswith("-") else None
            vence = vence or F("vence_en").asc(nulls_last=True)
            # Open escritos first: sorting by deadline is for finding what is due.
            atendido = Case(When(semaforo=Semaforo.ATENDIDO.value, then=1), default=0)
            return queryset.order_by(atendido, vence, "-recibido_en")
        return queryset.order_by(orden, "-pk")

    def get_search_form(self):
        texto = _("Folio, remitente o asunto")
        if self.search_kwarg in self.request.GET:
            return SearchForm(self.request.GET, placeholder=texto)
        return SearchForm(placeholder=texto)

    def search_queryset(self, queryset):
        return selectors.buscar_en_bandeja(queryset, self.search_query)

    def get_page_subtitle(self):
        if visibilidad.ve_todo(self.request.user):
            return _("todas las áreas")
        return ", ".join(a.nombre for a in selectors.areas_para_filtro(self.request.user))

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": "", "label": _("Bandeja"), "sublabel": self.get_page_subtitle()},
        ]

    def get_header_buttons(self):
        if not permisos.puede_recibir(self.request.user):
            return []
        return [
            HeaderButton(
                _("Recibir escrito"), url=reverse("documentos_admin:recepcion"), icon_name="plus"
            )
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["model_opts"] = Escrito._meta
        consulta = limpiar_querystring(self.request.GET.urlencode())
        context["consulta"] = consulta
        context["filtros_guardados"] = selectors_trabajo.filtros_de(self.request.user)
        context["form_filtro"] = FiltroGuardadoForm(initial={"querystring": consulta})
        return context
