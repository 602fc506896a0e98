from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from cms.blocks import RICH_FEATURES, ComponentesBlock
from cms.panels import ComponentesPanel


class PlanAnticorrupcionPage(RoutablePageMixin, Page):
    """Plan Anticorrupción y de Atención al Ciudadano for one vigencia (year)."""

    vigencia = models.PositiveSmallIntegerField(
        _("vigencia (año)"), validators=[MinValueValidator(2000), MaxValueValidator(2100)]
    )
    introduccion = RichTextField(_("introducción"), blank=True, features=RICH_FEATURES)
    componentes = StreamField(
        ComponentesBlock(),
        verbose_name=_("componentes"),
        blank=True,
        help_text=_(
            "Cada componente lista sus actividades. El avance se registra en cada actividad "
            "(menú Actividades, sección Seguimiento) y la página lo muestra sin volver a publicarla."
        ),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("vigencia"),
        FieldPanel("introduccion"),
        ComponentesPanel(heading=_("Componentes y actividades")),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("introduccion"),
        index.SearchField("componentes"),
        index.FilterField("vigencia"),
    ]
    api_fields = [
        APIField("vigencia"),
        APIField("introduccion"),
        APIField("componentes"),
        APIField("resumen_avance"),
    ]

    parent_page_types = ["cms.HomePage", "cms.TransparenciaPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("plan anticorrupción")
        verbose_name_plural = _("planes anticorrupción")

    def plan(self):
        from cms.cronograma import leer_plan

        if not hasattr(self, "_plan"):
            self._plan = leer_plan(self)
        return self._plan

    @property
    def resumen_avance(self) -> list[dict]:
        """Progress per componente (API)."""
        return [
            {
                "componente": c.nombre,
                "actividades": len(c.actividades),
                "avance": c.avance,
            }
            for c in self.plan().componentes
        ]

    def get_context(self, request, *args, **kwargs):
        from cms.cronograma import cronograma

        context = super().get_context(request, *args, **kwargs)
        plan = self.plan()
        context.update(plan=plan, cronograma=cronograma(plan))
        return context

    @path("exportar/csv/", name="csv")
    def exportar_csv(self, request):
        from cms.exportar import plan_csv

        return plan_csv(self, self.plan())

    @path("exportar/pdf/", name="pdf")
    def exportar_pdf(self, request):
        from cms.exportar import plan_pdf

        return plan_pdf(self, self.plan())
