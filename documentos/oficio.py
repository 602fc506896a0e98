"""The oficio de respuesta: the PDF Folio draws from an answer's text when the área gave no
file of its own, so that it can be signed electronically (cero papel)."""

import io

from django.conf import settings
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import cm
from reportlab.platypus import SimpleDocTemplate, Spacer
from reportlab.platypus.flowables import HRFlowable

from formatos.pdf import parrafo

from .acuse import PAPELES
from .models import Respuesta


def pdf_oficio(respuesta: Respuesta) -> bytes:
    escrito = respuesta.escrito
    papel = PAPELES.get(str(settings.FOLIO_ACUSE_PAPEL).lower(), PAPELES["carta"])
    salida = io.BytesIO()
    documento = SimpleDocTemplate(
        salida,
        pagesize=papel,
        leftMargin=2.5 * cm,
        rightMargin=2.5 * cm,
        topMargin=2 * cm,
        bottomMargin=2 * cm,
        title=_("Respuesta al escrito %(folio)s") % {"folio": escrito.folio},
        author=settings.WAGTAIL_SITE_NAME,
    )
    estilos = getSampleStyleSheet()
    normal = ParagraphStyle("oficio", parent=estilos["Normal"], fontSize=11, leading=15)
    derecha = ParagraphStyle("oficio_derecha", parent=normal, alignment=TA_RIGHT)
    titulo = ParagraphStyle("oficio_titulo", parent=estilos["Title"], fontSize=15)
    area = escrito.area_responsable.nombre if escrito.area_responsable_id else ""
    historia = [
        parrafo(settings.WAGTAIL_SITE_NAME, titulo),
        parrafo(area, derecha),
        HRFlowable(width="100%", thickness=1, color=colors.black),
        Spacer(1, 10),
        parrafo(_("Folio: %(folio)s") % {"folio": escrito.folio}, derecha),
        parrafo(date_format(respuesta.fecha, "j \\d\\e F \\d\\e Y"), derecha),
        Spacer(1, 14),
        parrafo(escrito.remitente_nombre, normal),
        parrafo(_("Presente"), normal),
        Spacer(1, 10),
        parrafo(_("Asunto: %(asunto)s") % {"asunto": escrito.asunto}, normal),
        parrafo(_("Sentido: %(sentido)s") % {"sentido": respuesta.get_sentido_display()}, normal),
        Spacer(1, 12),
    ]
    for bloque in respuesta.texto.split("\n\n"):
        historia += [parrafo(bloque.strip(), normal), Spacer(1, 8)]
    historia.append(
        parrafo(_("Las firmas electrónicas de este documento están en su última página."), normal)
    )
    documento.build(historia)
    return salida.getvalue()
