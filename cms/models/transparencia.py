from django.db import models
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from cms.blocks import RICH_FEATURES, CuerpoBlock


class TransparenciaPage(Page):
    """Section page for transparency: obligations, links and its child pages (plan, estadísticas)."""

    intro = RichTextField(_("introducción"), blank=True, features=RICH_FEATURES)
    cuerpo = StreamField(CuerpoBlock(), verbose_name=_("contenido"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("cuerpo")]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("cuerpo")]
    api_fields = [APIField("intro"), APIField("cuerpo")]

    parent_page_types = ["cms.HomePage"]
    subpage_types = [
        "cms.PlanAnticorrupcionPage",
        "cms.EstadisticasPage",
        "cms.CalidadServicioPage",
        "cms.TransparenciaPage",
    ]

    class Meta:
        verbose_name = _("página de transparencia")
        verbose_name_plural = _("páginas de transparencia")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["secciones"] = self.get_children().live().public().specific()
        return context


class EstadisticasPage(RoutablePageMixin, Page):
    """Real-time statistics of the escritos received, with open-data downloads."""

    intro = RichTextField(_("introducción"), blank=True, features=RICH_FEATURES)
    meses_por_defecto = models.PositiveSmallIntegerField(
        _("periodo por defecto (meses)"),
        default=12,
        help_text=_("Cuántos meses hacia atrás se muestran si no se elige un periodo."),
    )
    notas = RichTextField(_("notas metodológicas"), blank=True, features=RICH_FEATURES)

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("meses_por_defecto"),
        FieldPanel("notas"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    api_fields = [APIField("intro"), APIField("meses_por_defecto"), APIField("notas")]

    parent_page_types = ["cms.HomePage", "cms.TransparenciaPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("página de estadísticas")
        verbose_name_plural = _("páginas de estadísticas")

    def _filtros(self, request):
        from busqueda.parametros import sin_vacios
        from cms.filtros_estadisticas import filtros_de

        return filtros_de(sin_vacios(request.GET), meses=self.meses_por_defecto)

    @path("")
    def tablero(self, request):
        from cms.estadisticas import figuras
        from cms.secreto_estadistico import umbral
        from documentos.models import Area

        form, filtros = self._filtros(request)
        errores = {campo: [str(m) for m in mensajes] for campo, mensajes in form.errors.items()}
        generales = errores.pop("__all__", [])  # the template cannot read "__all__"
        contexto = {
            "errores": errores,
            "errores_generales": generales,
            "filtros": filtros,
            "figuras": figuras(filtros),
            "umbral": umbral(),
            "areas": Area.objects.order_by("nombre"),
        }
        return self.render(request, context_overrides=contexto)

    @path("datos/<slug:figura>/<slug:formato>/", name="datos")
    def datos(self, request, figura, formato):
        from cms import exportar
        from cms.estadisticas import figuras

        _form, filtros = self._filtros(request)
        elegida = next((f for f in figuras(filtros) if f.slug == figura), None)
        if elegida is None or formato not in ("csv", "json", "xlsx"):
            raise Http404
        tabla = {"columnas": elegida.columnas, "filas": elegida.filas}
        if formato == "csv":
            return exportar.tabla_csv(elegida.slug, tabla)
        if formato == "json":
            return exportar.tabla_json(elegida.slug, tabla, filtros.como_dict())
        return exportar.tabla_xlsx(elegida.slug, tabla)
