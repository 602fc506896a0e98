from django import forms
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from cms.blocks import RICH_FEATURES

TABLAS = ("evaluaciones", "componentes", "oportunidades", "acciones")


class CalidadServicioPage(RoutablePageMixin, Page):
    """The published results of the service evaluations and their improvement plan."""

    intro = RichTextField(_("introducción"), blank=True, features=RICH_FEATURES)
    evaluaciones = ParentalManyToManyField(
        "atencion.Evaluacion",
        verbose_name=_("evaluaciones publicadas"),
        blank=True,
        related_name="+",
        limit_choices_to={"estado__in": ["aprobada", "cerrada"]},
        help_text=_("Solo aparecen las evaluaciones cuyo informe aprobó la máxima autoridad."),
    )
    notas = RichTextField(_("notas metodológicas"), blank=True, features=RICH_FEATURES)

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("evaluaciones", widget=forms.CheckboxSelectMultiple),
        FieldPanel("notas"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    api_fields = [APIField("intro"), APIField("notas"), APIField("resultados")]

    parent_page_types = ["cms.HomePage", "cms.TransparenciaPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("página de calidad del servicio")
        verbose_name_plural = _("páginas de calidad del servicio")

    def fichas(self):
        from atencion.calidad.selectors_publicos import evaluaciones_publicas, ficha_publica

        if not hasattr(self, "_fichas"):
            ids = self.evaluaciones.values_list("pk", flat=True)
            self._fichas = [ficha_publica(e) for e in evaluaciones_publicas(ids)]
        return self._fichas

    @property
    def resultados(self) -> list[dict]:
        """The published evaluations as plain data (API)."""
        from cms.calidad_datos import como_dict

        return [como_dict(f) for f in self.fichas()]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["fichas"] = self.fichas()
        context["tablas"] = [
            ("evaluaciones", _("Evaluaciones")),
            ("componentes", _("Resultados por componente")),
            ("oportunidades", _("Oportunidades de mejora")),
            ("acciones", _("Acciones de mejora")),
        ]
        return context

    @path("datos/<slug:tabla>/<slug:formato>/", name="datos")
    def datos(self, request, tabla, formato):
        from cms import exportar
        from cms.calidad_datos import tabla_de

        if tabla not in TABLAS or formato not in ("csv", "json", "xlsx"):
            raise Http404
        datos = tabla_de(tabla, self.fichas())
        nombre = f"calidad-{tabla}"
        if formato == "csv":
            return exportar.tabla_csv(nombre, datos)
        if formato == "json":
            return exportar.tabla_json(nombre, datos, {})
        return exportar.tabla_xlsx(nombre, datos)

    @path("informe/<int:pk>/<slug:cual>/", name="informe")
    def informe(self, request, pk, cual):
        from cms.calidad_datos import informe_publico

        ficha = next((f for f in self.fichas() if f.evaluacion.pk == pk), None)
        if ficha is None or cual not in ("evaluacion", "mejora"):
            raise Http404
        return informe_publico(ficha.evaluacion, cual)
