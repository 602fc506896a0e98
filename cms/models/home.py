from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from cms.blocks import AccionBlock


class HomePage(Page):
    """The portal's front page: what a citizen can do here."""

    intro = RichTextField(_("introducción"), blank=True)
    acciones = StreamField(
        [("accion", AccionBlock())],
        verbose_name=_("qué puede hacer aquí"),
        blank=True,
        help_text=_("Tarjetas con lo que la ciudadanía puede hacer en el portal."),
    )

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("acciones")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    api_fields = [APIField("intro"), APIField("acciones")]

    max_count = 1
    parent_page_types = ["wagtailcore.Page"]

    class Meta:
        verbose_name = _("página de inicio")
        verbose_name_plural = _("páginas de inicio")

    def __str__(self):
        return self.title
