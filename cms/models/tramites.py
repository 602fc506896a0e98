from urllib.parse import urlencode

from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from cms.blocks import RICH_FEATURES, CuerpoBlock, PreguntaBlock


def validar_enlace(valor: str) -> None:
    if valor and not valor.startswith(("/", "https://", "http://")):
        raise ValidationError(_("La dirección debe empezar con «/» o «https://»."))


class TramiteIndexPage(Page):
    """The catalog of trámites y servicios, with filters and word search."""

    intro = RichTextField(_("introducción"), blank=True, features=RICH_FEATURES)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    api_fields = [APIField("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    parent_page_types = ["cms.HomePage"]
    subpage_types = ["cms.TramitePage"]
    por_pagina = 20

    class Meta:
        verbose_name = _("catálogo de trámites")
        verbose_name_plural = _("catálogos de trámites")

    def tramites(self):
        return (
            TramitePage.objects.live()
            .public()
            .descendant_of(self)
            .select_related("area_responsable", "tema")
            .order_by("title")
        )

    def get_context(self, request, *args, **kwargs):
        from cms.forms import FiltroTramitesForm
        from cms.selectors import buscar_tramites

        context = super().get_context(request, *args, **kwargs)
        base = self.tramites()
        form = FiltroTramitesForm(request.GET or None, tramites=base)
        filtros = form.cleaned_data if form.is_bound and form.is_valid() else {}
        resultados = buscar_tramites(base, **filtros)
        pagina = Paginator(resultados, self.por_pagina).get_page(request.GET.get("pagina"))
        consulta = request.GET.copy()
        consulta.pop("pagina", None)
        context.update(
            form=form,
            filtrado=bool(filtros and any(filtros.values())),
            pagina=pagina,
            consulta=consulta.urlencode(),
            total=pagina.paginator.count,
        )
        return context


class TramitePage(Page):
    """One trámite or servicio: what it is, who may ask, what to bring, cost, time and where."""

    class Modalidad(models.TextChoices):
        PRESENCIAL = "presencial", _("Presencial")
        EN_LINEA = "en_linea", _("En línea")
        MIXTA = "mixta", _("Mixta (presencial y en línea)")

    class TipoPlazo(models.TextChoices):
        HABILES = "habiles", _("días hábiles")
        NATURALES = "naturales", _("días naturales")

    clave = models.CharField(
        _("clave o homoclave"), max_length=40, blank=True, help_text=_("Opcional.")
    )
    descripcion = models.TextField(
        _("descripción breve"),
        max_length=600,
        help_text=_("Qué es y para qué sirve, en una o dos frases. Aparece en el catálogo."),
    )
    quien_puede = RichTextField(
        _("¿Quién puede solicitarlo?"), features=["bold", "italic", "ul", "link"]
    )
    costo = models.DecimalField(
        _("costo (pesos)"),
        max_digits=10,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_(
            "Escriba 0 si el trámite es gratuito. Si lo deja vacío se muestra «Consulte el costo»."
        ),
    )
    costo_detalle = models.CharField(
        _("detalle del costo"),
        max_length=200,
        blank=True,
        help_text=_("Por ejemplo: por copia certificada; varía según los metros."),
    )
    costo_fundamento = models.CharField(
        _("fundamento legal del costo"),
        max_length=300,
        blank=True,
        help_text=_("Ley de ingresos, artículo y fracción."),
    )
    plazo_dias = models.PositiveSmallIntegerField(
        _("plazo de respuesta (días)"),
        null=True,
        blank=True,
        help_text=_("Deje vacío si la respuesta es inmediata."),
    )
    plazo_tipo = models.CharField(
        _("tipo de días"), max_length=10, choices=TipoPlazo.choices, default=TipoPlazo.HABILES
    )
    plazo_detalle = models.CharField(_("nota sobre el plazo"), max_length=200, blank=True)
    area_responsable = models.ForeignKey(
        "documentos.Area",
        verbose_name=_("área responsable"),
        null=True,
        blank=False,
        on_delete=models.PROTECT,
        related_name="tramites",
    )
    tema = models.ForeignKey(
        "documentos.Tema",
        verbose_name=_("tema"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="tramites",
    )
    modalidad = models.CharField(
        _("modalidad"), max_length=12, choices=Modalidad.choices, default=Modalidad.PRESENCIAL
    )
    url_en_linea = models.CharField(
        _("formulario en línea"),
        max_length=500,
        blank=True,
        validators=[validar_enlace],
        help_text=_("Dirección del formulario para hacerlo en línea, si existe."),
    )
    url_pago = models.CharField(
        _("página de pago"),
        max_length=500,
        blank=True,
        validators=[validar_enlace],
        help_text=_(
            "Si el trámite es un pago (predial, derechos, multas), la dirección donde se paga "
            "en línea: el botón lleva ahí en lugar del formulario de escritos."
        ),
    )
    horario = models.TextField(_("horario de atención"), blank=True)
    ubicacion = models.TextField(_("ubicación"), blank=True, help_text=_("Dirección y oficina."))
    fundamento_legal = RichTextField(
        _("fundamento legal"), blank=True, features=["bold", "italic", "ul", "ol", "link"]
    )
    cuerpo = StreamField(CuerpoBlock(), verbose_name=_("información adicional"), blank=True)
    preguntas = StreamField(
        [("pregunta", PreguntaBlock())], verbose_name=_("preguntas frecuentes"), blank=True
    )

    content_panels = [
        *Page.content_panels,
        FieldRowPanel([FieldPanel("clave"), FieldPanel("modalidad")]),
        FieldPanel("descripcion"),
        FieldPanel("quien_puede"),
        InlinePanel("requisitos", heading=_("Requisitos"), label=_("requisito")),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("costo"), FieldPanel("costo_detalle")]),
                FieldPanel("costo_fundamento"),
            ],
            heading=_("Costo"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("plazo_dias"), FieldPanel("plazo_tipo")]),
                FieldPanel("plazo_detalle"),
            ],
            heading=_("Plazo de respuesta"),
        ),
        MultiFieldPanel(
            [FieldPanel("area_responsable"), FieldPanel("tema")], heading=_("Responsable y tema")
        ),
        MultiFieldPanel(
            [
                FieldPanel("url_en_linea"),
                FieldPanel("url_pago"),
                FieldPanel("horario"),
                FieldPanel("ubicacion"),
            ],
            heading=_("Dónde y cuándo"),
        ),
        FieldPanel("fundamento_legal"),
        InlinePanel("formatos", heading=_("Formatos descargables"), label=_("formato")),
        FieldPanel("cuerpo"),
        FieldPanel("preguntas"),
    ]

    search_fields = [
        *Page.search_fields,
        index.SearchField("descripcion"),
        index.SearchField("quien_puede"),
        index.SearchField("cuerpo"),
        index.SearchField("preguntas"),
        index.SearchField("clave"),
        index.RelatedFields("requisitos", [index.SearchField("nombre")]),
        index.RelatedFields("area_responsable", [index.SearchField("nombre")]),
        index.RelatedFields("tema", [index.SearchField("nombre")]),
        index.FilterField("area_responsable"),
        index.FilterField("tema"),
        index.FilterField("modalidad"),
    ]

    api_fields = [
        APIField("clave"),
        APIField("descripcion"),
        APIField("quien_puede"),
        APIField("requisitos"),
        APIField("costo"),
        APIField("costo_detalle"),
        APIField("costo_fundamento"),
        APIField("plazo_dias"),
        APIField("plazo_tipo"),
        APIField("plazo_detalle"),
        APIField("area_responsable_id"),
        APIField("area_responsable_nombre"),
        APIField("tema_id"),
        APIField("tema_nombre"),
        APIField("modalidad"),
        APIField("url_en_linea"),
        APIField("url_pago"),
        APIField("horario"),
        APIField("ubicacion"),
        APIField("fundamento_legal"),
        APIField("formatos"),
        APIField("cuerpo"),
        APIField("preguntas"),
    ]

    parent_page_types = ["cms.TramiteIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("trámite o servicio")
        verbose_name_plural = _("trámites y servicios")

    def clean(self):
        super().clean()
        if self.modalidad == self.Modalidad.EN_LINEA and not (self.url_en_linea or self.url_pago):
            raise ValidationError(
                {"url_en_linea": _("Un trámite en línea necesita la dirección de su formulario.")}
            )

    @property
    def es_gratuito(self) -> bool:
        """Only an entered 0 is free; an empty cost is unknown ("Consulte el costo")."""
        return self.costo is not None and self.costo == 0

    @property
    def url_formulario(self) -> str:
        """The online form; Folio's own escrito form opens with this trámite filled in."""
        ruta = self.url_en_linea.split("?", 1)[0]
        if ruta != reverse("documentos:enviar"):
            return self.url_en_linea
        parametros = {"tramite": self.pk, "tema": self.tema_id, "area": self.area_responsable_id}
        return ruta + "?" + urlencode({k: v for k, v in parametros.items() if v})

    @property
    def area_responsable_nombre(self) -> str:
        return self.area_responsable.nombre if self.area_responsable_id else ""

    @property
    def tema_nombre(self) -> str:
        return self.tema.nombre if self.tema_id else ""


class RequisitoTramite(Orderable):
    class Presentacion(models.TextChoices):
        ORIGINAL = "original", _("Original")
        COPIA = "copia", _("Copia")
        AMBOS = "original_y_copia", _("Original y copia")
        NO_APLICA = "no_aplica", _("No aplica")

    page = ParentalKey(TramitePage, on_delete=models.CASCADE, related_name="requisitos")
    nombre = models.CharField(_("requisito"), max_length=300)
    presentacion = models.CharField(
        _("se presenta en"),
        max_length=20,
        choices=Presentacion.choices,
        default=Presentacion.ORIGINAL,
    )
    notas = models.CharField(_("notas"), max_length=300, blank=True)

    panels = [FieldPanel("nombre"), FieldPanel("presentacion"), FieldPanel("notas")]
    api_fields = [APIField("nombre"), APIField("presentacion"), APIField("notas")]

    class Meta(Orderable.Meta):
        verbose_name = _("requisito")
        verbose_name_plural = _("requisitos")

    def __str__(self):
        return self.nombre


class FormatoTramite(Orderable):
    page = ParentalKey(TramitePage, on_delete=models.CASCADE, related_name="formatos")
    documento = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("documento"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    titulo = models.CharField(
        _("título"), max_length=200, blank=True, help_text=_("Si se deja vacío, el del documento.")
    )

    panels = [FieldPanel("documento"), FieldPanel("titulo")]
    api_fields = [APIField("documento"), APIField("titulo")]

    class Meta(Orderable.Meta):
        verbose_name = _("formato descargable")
        verbose_name_plural = _("formatos descargables")

    def __str__(self):
        return self.titulo or self.documento.title
