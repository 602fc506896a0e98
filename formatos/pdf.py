"""Text in the PDFs Folio draws with reportlab (acuse, plan, reports).

reportlab's Paragraph reads its text as markup (<img src>, <a href>, <font>, entities), so
every Paragraph built from data goes through `parrafo`, which escapes it. Markup Folio writes
itself goes through `parrafo_marcado`, whose template is Folio's and whose values are escaped.
"""

from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.platypus import Paragraph, Table, TableStyle

AZUL = colors.HexColor("#0b4f6c")
GRIS = colors.HexColor("#9aa5ad")

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


def tabla(filas, anchos, *, cabecera=True, tamano=8, estilo=()) -> Table:
    """A table in Folio's style: thin grey grid, text on top, and a blue header row repeated
    on every page (`cabecera=False`: no header); `estilo` adds TableStyle commands."""
    resultado = Table(filas, colWidths=anchos, repeatRows=1 if cabecera else 0)
    comandos = [
        ("FONTSIZE", (0, 0), (-1, -1), tamano),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("GRID", (0, 0), (-1, -1), 0.25, GRIS),
    ]
    if cabecera:
        comandos += [
            ("BACKGROUND", (0, 0), (-1, 0), AZUL),
            ("TEXTCOLOR", (0, 0), (-1, 0), colors.white),
        ]
    resultado.setStyle(TableStyle([*comandos, *estilo]))
    return resultado
