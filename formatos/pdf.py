"""Text in the PDFs Folio draws with reportlab (acuse, plan, reports).

reportlab's Paragraph reads its text as markup (<img src>, <a href>, <font>, entities), so
every Paragraph built from data goes through `parrafo`, which escapes it. Markup Folio writes
itself goes through `parrafo_marcado`, whose template is Folio's and whose values are escaped.
"""

from xml.sax.saxutils import escape

from reportlab.platypus import Paragraph

_ENTIDADES = {'"': "&quot;", "'": "&#39;"}


def escapar(texto) -> str:
    """The text as reportlab markup that shows exactly these characters."""
    return escape(str(texto), _ENTIDADES)


def parrafo(texto, estilo) -> Paragraph:
    return Paragraph(escapar(texto), estilo)


def parrafo_marcado(plantilla: str, estilo, **valores) -> Paragraph:
    """A Paragraph from Folio's own markup, e.g. "<b>%(etiqueta)s</b> %(valor)s";
    every value is escaped."""
    return Paragraph(plantilla % {k: escapar(v) for k, v in valores.items()}, estilo)
