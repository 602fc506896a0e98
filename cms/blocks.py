"""StreamField blocks of the portal, each with its own template under templates/cms/bloques/."""

import copy

from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.list_block import ListBlockValidationError
from wagtail.blocks.stream_block import StreamBlockValidationError
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


# --- Plan anticorrupción: componentes → actividades (atencion.Actividad rows) ---


def _actividades_con_seguimiento():
    from atencion.models import Actividad, Seguimiento

    cortes = Seguimiento.objects.select_related("evidencia").order_by("fecha", "pk")
    return Actividad.objects.select_related("indicador", "area_responsable").prefetch_related(
        Prefetch("seguimientos", queryset=cortes)
    )


class ActividadChooserBlock(SnippetChooserBlock):
    """An atencion.Actividad of the plan, edited on its own as a snippet.

    The page's revision keeps which activities each componente has and in what order; the
    activity, its indicator and its seguimientos are rows. Every activity of a plan is read
    with its área, indicator and seguimientos in two queries."""

    def __init__(self, **kwargs):
        super().__init__("atencion.Actividad", **kwargs)

    def deconstruct(self):
        # Migrations see a plain SnippetChooserBlock: they never need this class.
        return (
            "wagtail.snippets.blocks.SnippetChooserBlock",
            ("atencion.Actividad",),
            {**self._constructor_args[1]},
        )

    @staticmethod
    def _es_clave(valor) -> bool:
        # Revisions older than cms migration 0007 keep the activity itself (a dict) here.
        return isinstance(valor, int) or (isinstance(valor, str) and valor.isdigit())

    def to_python(self, value):
        return self.bulk_to_python([value])[0]

    def bulk_to_python(self, values):
        values = list(values)
        claves = [int(v) for v in values if self._es_clave(v)]
        filas = _actividades_con_seguimiento().in_bulk(claves) if claves else {}
        vistas, resultado = set(), []
        for valor in values:
            fila = filas.get(int(valor)) if self._es_clave(valor) else None
            if fila is not None and fila.pk in vistas:
                fila = copy.copy(fila)
            if fila is not None:
                vistas.add(fila.pk)
            resultado.append(fila)
        return resultado

    def get_searchable_content(self, value):
        if value is None:
            return []
        textos = [value.nombre, value.meta]
        if value.indicador_id:
            textos.append(value.indicador.nombre)
        return textos

    def get_api_representation(self, value, context=None):
        """The activity as the API gave it when it lived in the StreamField."""
        if value is None:
            return None
        return {
            "actividad": value.nombre,
            "meta": value.meta,
            "indicador": value.indicador.nombre if value.indicador_id else "",
            "responsable": value.area_responsable_id,
            "inicio": value.inicio,
            "fin": value.fin,
            "seguimiento": [
                {
                    "fecha": s.fecha,
                    "avance": s.avance,
                    "descripcion": s.descripcion,
                    "evidencia": s.evidencia_id,
                }
                for s in value.seguimientos.all()
            ],
        }

    class Meta:
        icon = "date"


class ComponenteBlock(blocks.StructBlock):
    nombre = blocks.CharBlock(
        label=_("Componente"),
        max_length=200,
        help_text=_("Por ejemplo: Gestión del riesgo de corrupción, Rendición de cuentas…"),
    )
    descripcion = blocks.TextBlock(label=_("Objetivo del componente"), required=False)
    actividades = blocks.ListBlock(
        ActividadChooserBlock(label=_("Actividad")),
        label=_("Actividades"),
        min_num=1,
        help_text=_(
            "Elija las actividades del componente. Cada actividad, con su indicador y su "
            "seguimiento, se edita aparte en «Actividades»."
        ),
    )

    class Meta:
        icon = "folder-open-inverse"
        label = _("Componente")


class ComponentesBlock(blocks.StreamBlock):
    componente = ComponenteBlock()

    class Meta:
        collapsed = True  # the editor opens one componente at a time

    def clean(self, value):
        value = super().clean(value)
        vistas, errores = set(), {}
        for i, bloque in enumerate(value):
            repetidas = {}
            for j, actividad in enumerate(bloque.value["actividades"]):
                if actividad is None:
                    continue
                if actividad.pk in vistas:
                    repetidas[j] = ValidationError(
                        _("La actividad «%(nombre)s» ya está en este plan."),
                        params={"nombre": actividad.nombre},
                    )
                vistas.add(actividad.pk)
            if repetidas:
                errores[i] = StructBlockValidationError(
                    block_errors={"actividades": ListBlockValidationError(block_errors=repetidas)}
                )
        if errores:
            raise StreamBlockValidationError(block_errors=errores)
        return value
