"""StreamField blocks of the portal, each with its own template under templates/cms/bloques/."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageBlock
from wagtail.snippets.blocks import SnippetChooserBlock

RICH_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"]

ICONOS = [
    ("buscar", _("Buscar")),
    ("escrito", _("Escrito")),
    ("folio", _("Folio")),
    ("grafica", _("Gráfica")),
    ("archivo", _("Archivo")),
    ("plan", _("Plan")),
]


class EnlaceBlock(blocks.StructBlock):
    """A link to a page of the site or to an address (internal path or full URL)."""

    pagina = blocks.PageChooserBlock(label=_("página"), required=False)
    url = blocks.CharBlock(
        label=_("o dirección"),
        required=False,
        max_length=500,
        help_text=_("Una ruta del sitio (/consulta/) o una dirección completa (https://…)."),
    )

    def clean(self, value):
        value = super().clean(value)
        url = (value.get("url") or "").strip()
        if not value.get("pagina") and not url:
            raise StructBlockValidationError(
                block_errors={
                    "pagina": ValidationError(_("Elija una página o escriba una dirección."))
                }
            )
        if url and not url.startswith(("/", "https://", "http://")):
            raise StructBlockValidationError(
                block_errors={
                    "url": ValidationError(_("La dirección debe empezar con «/» o «https://».")),
                }
            )
        return value

    class Meta:
        icon = "link"
        label = _("enlace")


class AccionBlock(blocks.StructBlock):
    """One thing the citizen can do here (a card on the home page)."""

    titulo = blocks.CharBlock(label=_("título"), max_length=80)
    descripcion = blocks.TextBlock(label=_("descripción"), max_length=240)
    icono = blocks.ChoiceBlock(label=_("ícono"), choices=ICONOS, default="buscar")
    enlace = EnlaceBlock(label=_("enlace"))

    class Meta:
        icon = "pick"
        label = _("acción")
        template = "cms/bloques/accion.html"


class AvisoBlock(blocks.StructBlock):
    tipo = blocks.ChoiceBlock(
        label=_("tipo"),
        choices=[("info", _("Información")), ("importante", _("Importante"))],
        default="info",
    )
    texto = blocks.RichTextBlock(label=_("texto"), features=["bold", "italic", "link"])

    class Meta:
        icon = "warning"
        label = _("aviso")
        template = "cms/bloques/aviso.html"


class PasoBlock(blocks.StructBlock):
    titulo = blocks.CharBlock(label=_("paso"), max_length=160)
    detalle = blocks.TextBlock(label=_("detalle"), required=False)

    class Meta:
        icon = "list-ol"
        label = _("paso")


class PasosBlock(blocks.StructBlock):
    titulo = blocks.CharBlock(label=_("título"), default=_("Pasos a seguir"), max_length=120)
    pasos = blocks.ListBlock(PasoBlock(), label=_("pasos"), min_num=1)

    class Meta:
        icon = "list-ol"
        label = _("pasos")
        template = "cms/bloques/pasos.html"


class DocumentoBlock(blocks.StructBlock):
    documento = DocumentChooserBlock(label=_("documento"))
    descripcion = blocks.CharBlock(label=_("descripción"), required=False, max_length=200)

    class Meta:
        icon = "doc-full"
        label = _("documento")
        template = "cms/bloques/documento.html"


class PreguntaBlock(blocks.StructBlock):
    pregunta = blocks.CharBlock(label=_("pregunta"), max_length=250)
    respuesta = blocks.RichTextBlock(label=_("respuesta"), features=RICH_FEATURES)

    class Meta:
        icon = "help"
        label = _("pregunta frecuente")
        template = "cms/bloques/pregunta.html"


class CuerpoBlock(blocks.StreamBlock):
    """Free content of a page: text, notices, steps, images and documents."""

    texto = blocks.RichTextBlock(
        label=_("texto"), features=RICH_FEATURES, template="cms/bloques/texto.html"
    )
    aviso = AvisoBlock()
    pasos = PasosBlock()
    imagen = ImageBlock(label=_("imagen"), template="cms/bloques/imagen.html")
    documento = DocumentoBlock()

    class Meta:
        label = _("contenido")


# --- Plan anticorrupción: componentes → actividades → seguimiento ---


class SeguimientoBlock(blocks.StructBlock):
    fecha = blocks.DateBlock(label=_("fecha del corte"))
    avance = blocks.IntegerBlock(
        label=_("avance (%)"), min_value=0, max_value=100, help_text=_("De 0 a 100.")
    )
    descripcion = blocks.TextBlock(label=_("qué se hizo"), required=False)
    evidencia = DocumentChooserBlock(label=_("evidencia"), required=False)

    class Meta:
        icon = "tasks"
        label = _("seguimiento")


class ActividadBlock(blocks.StructBlock):
    actividad = blocks.CharBlock(label=_("actividad"), max_length=300)
    meta = blocks.TextBlock(label=_("meta o producto"))
    indicador = blocks.CharBlock(label=_("indicador"), max_length=300)
    responsable = SnippetChooserBlock("documentos.Area", label=_("área responsable"))
    inicio = blocks.DateBlock(label=_("fecha de inicio"))
    fin = blocks.DateBlock(label=_("fecha de fin"))
    seguimiento = blocks.ListBlock(
        SeguimientoBlock(), label=_("seguimiento"), default=[], collapsed=True
    )

    def clean(self, value):
        value = super().clean(value)
        inicio, fin = value.get("inicio"), value.get("fin")
        if inicio and fin and fin < inicio:
            raise StructBlockValidationError(
                block_errors={
                    "fin": ValidationError(
                        _("La fecha de fin no puede ser anterior a la de inicio.")
                    ),
                }
            )
        return value

    class Meta:
        icon = "date"
        label = _("actividad")


class ComponenteBlock(blocks.StructBlock):
    nombre = blocks.CharBlock(
        label=_("componente"),
        max_length=200,
        help_text=_("Por ejemplo: Gestión del riesgo de corrupción, Rendición de cuentas…"),
    )
    descripcion = blocks.TextBlock(label=_("objetivo del componente"), required=False)
    actividades = blocks.ListBlock(ActividadBlock(), label=_("actividades"), min_num=1)

    class Meta:
        icon = "folder-open-inverse"
        label = _("componente")
