"""The printed turno: an 80 mm thermal ticket (as tall as its content) or a letter page."""

import io

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm, mm
from reportlab.platypus import Image, SimpleDocTemplate, Spacer
from reportlab.platypus.flowables import HRFlowable

from documentos.acuse import qr_png
from documentos.enlaces import url_absoluta
from formatos.pdf import parrafo

from .models import Ficha
from .selectors import estado_ficha

PAPELES = ("80mm", "carta")
ANCHO_TERMICO = 80 * mm
MARGEN_TERMICO = 4 * mm


def url_ficha(ficha: Ficha, request=None) -> str:
    return url_absoluta(reverse("atencion:ficha", args=[ficha.token]), request)


def texto_espera(minutos: int | None) -> str:
    if minutos is None:
        return _("Por ahora no hay ventanillas atendiendo este servicio.")
    if minutos == 0:
        return _("Espera estimada: menos de un minuto.")
    return ngettext(
        "Espera estimada: %(n)s minuto.", "Espera estimada: %(n)s minutos.", minutos
    ) % {"n": minutos}


def texto_delante(personas: int) -> str:
    return ngettext(
        "Personas antes que usted: %(n)s", "Personas antes que usted: %(n)s", personas
    ) % {"n": personas}


def _historia(ficha: Ficha, request, escala: float) -> list:
    estado = estado_ficha(ficha)

    def estilo(nombre, tamano, negrita=False):
        return ParagraphStyle(
            f"turno_{nombre}",
            fontName="Helvetica-Bold" if negrita else "Helvetica",
            fontSize=tamano * escala,
            leading=tamano * escala * 1.2,
            alignment=TA_CENTER,
        )

    normal, pequeno = estilo("normal", 10), estilo("pequeno", 8)
    tomado = date_format(timezone.localtime(ficha.tomada_en), "j/m/Y H:i") + " h"
    historia = [
        parrafo(settings.WAGTAIL_SITE_NAME, pequeno),
        parrafo(ficha.sede.nombre, estilo("sede", 11, negrita=True)),
        Spacer(1, 3 * escala),
        HRFlowable(width="100%", thickness=0.8),
        Spacer(1, 4 * escala),
        parrafo(_("Su turno"), normal),
        parrafo(ficha.codigo, estilo("codigo", 40, negrita=True)),
        parrafo(ficha.servicio.nombre, estilo("servicio", 12, negrita=True)),
    ]
    if ficha.preferente:
        historia.append(parrafo(_("Atención preferente"), estilo("preferente", 11, True)))
    historia += [
        Spacer(1, 3 * escala),
        parrafo(_("Tomado el %(fecha)s") % {"fecha": tomado}, normal),
    ]
    if ficha.estado == Ficha.Estado.EN_ESPERA:
        historia += [
            parrafo(texto_delante(estado.por_delante), normal),
            parrafo(texto_espera(estado.espera_minutos), normal),
        ]
    lado = 3.6 * cm * escala
    historia += [
        Spacer(1, 4 * escala),
        Image(qr_png(url_ficha(ficha, request)), width=lado, height=lado),
        parrafo(_("Escanee el código para seguir su turno en su teléfono."), pequeno),
        Spacer(1, 3 * escala),
        parrafo(_("El turno es gratuito: nadie debe cobrarle por él."), pequeno),
    ]
    return historia


def _altura(historia: list, ancho: float) -> float:
    total = 0.0
    for flowable in historia:
        _ancho, alto = flowable.wrap(ancho, 10_000)
        total += alto + flowable.getSpaceBefore() + flowable.getSpaceAfter()
    return total


def pdf_ficha(ficha: Ficha, papel: str = "80mm", request=None) -> bytes:
    """The ticket as a PDF on `papel` ("80mm" or "carta")."""
    salida = io.BytesIO()
    opciones = {
        "title": _("Turno %(codigo)s") % {"codigo": ficha.codigo},
        "author": settings.WAGTAIL_SITE_NAME,
    }
    if papel == "carta":
        historia = _historia(ficha, request, escala=1.8)
        margen = 2.5 * cm
        documento = SimpleDocTemplate(
            salida, pagesize=LETTER, leftMargin=margen, rightMargin=margen, **opciones
        )
    else:
        historia = _historia(ficha, request, escala=1.0)
        # The frame pads 6 pt on each side. The roll is cut after the content: the page is
        # as tall as what it holds (plus some slack).
        ancho = ANCHO_TERMICO - 2 * MARGEN_TERMICO - 12
        alto = _altura(historia, ancho) + 2 * MARGEN_TERMICO + 12 + 6 * mm
        documento = SimpleDocTemplate(
            salida,
            pagesize=(ANCHO_TERMICO, alto),
            leftMargin=MARGEN_TERMICO,
            rightMargin=MARGEN_TERMICO,
            topMargin=MARGEN_TERMICO,
            bottomMargin=MARGEN_TERMICO,
            **opciones,
        )
    documento.build(historia)
    return salida.getvalue()
