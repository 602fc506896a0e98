"""The acuse de recibo: the receipt a citizen keeps (HTML page data and printable PDF)."""

import io
from dataclasses import dataclass
from datetime import date, datetime

import qrcode
from django.conf import settings
from django.core.files.storage import default_storage
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import cm
from reportlab.platypus import Image, SimpleDocTemplate, Spacer, Table, TableStyle
from reportlab.platypus.flowables import HRFlowable

from formatos.pdf import parrafo

from . import portal
from .enlaces import url_consulta
from .models import Archivo, Escrito
from .selectors import formatear_codigo

PAPELES = {"carta": LETTER, "a4": A4}


@dataclass(frozen=True)
class ArchivoRecibido:
    nombre: str
    paginas: int
    sha256: str


@dataclass(frozen=True)
class DatosAcuse:
    folio: str
    recibido_en: datetime
    canal: str
    tipo: str
    asunto: str | None
    remitente: str
    fojas: int
    anexos: int
    area: str | None
    vence_en: date | None
    codigo: str
    url: str
    url_sin_codigo: str
    entidad: str = ""
    logo: str | None = None
    recibido_por: str = ""
    tramite: str = ""
    archivos: tuple[ArchivoRecibido, ...] = ()

    @property
    def url_logo(self) -> str | None:
        return default_storage.url(self.logo) if self.logo else None


def archivos_recibidos(escrito: Escrito, *, publico: bool = False) -> tuple:
    """The files received with the escrito (not the answer's), in order. A public copy
    does not name them (a file's name may carry personal data)."""
    filas = escrito.archivos.filter(tipo__in=[Archivo.Tipo.ESCANEO, Archivo.Tipo.ANEXO])
    return tuple(
        ArchivoRecibido(
            nombre=_("Archivo %(n)s") % {"n": n} if publico else a.nombre_original,
            paginas=a.paginas,
            sha256=a.sha256,
        )
        for n, a in enumerate(filas.order_by("orden", "pk"), start=1)
    )


def quien_recibio(escrito: Escrito) -> str:
    if escrito.recibido_por_id is None:
        if escrito.canal == Escrito.Canal.EN_LINEA:
            return _("Recepción en línea")
        return _("Oficialía de Partes")
    usuario = escrito.recibido_por
    return usuario.get_full_name() or usuario.get_username()


def iniciales(nombre: str) -> str:
    """ "María López Hernández" → "M. L. H." (how a public copy names the remitente)."""
    return " ".join(f"{parte[0].upper()}." for parte in nombre.split() if parte[0].isalnum())


def datos_acuse(escrito: Escrito, request=None, *, publico: bool = False) -> DatosAcuse:
    """What the acuse shows. A public copy (downloaded with folio + code, not right after
    the submission) follows the status page's rules: the remitente only by initials and no
    subject unless the escrito is pública."""
    es_publica = escrito.clasificacion == Escrito.Clasificacion.PUBLICA
    entidad = portal.identidad(request)
    return DatosAcuse(
        folio=escrito.folio,
        recibido_en=timezone.localtime(escrito.recibido_en),
        canal=escrito.get_canal_display(),
        tipo=escrito.get_tipo_display(),
        asunto=escrito.asunto if es_publica or not publico else None,
        remitente=iniciales(escrito.remitente_nombre) if publico else escrito.remitente_nombre,
        fojas=escrito.fojas,
        anexos=escrito.anexos,
        area=escrito.area_responsable.nombre if escrito.area_responsable_id else None,
        vence_en=escrito.vence_en,
        codigo=formatear_codigo(escrito.codigo_acceso),
        url=url_consulta(escrito, request),
        url_sin_codigo=url_consulta(None, request),
        entidad=entidad.nombre,
        logo=entidad.logo,
        recibido_por=quien_recibio(escrito),
        tramite=escrito.tramite,
        archivos=archivos_recibidos(escrito, publico=publico),
    )


def _logo(ruta: str | None, alto: float):
    """The entity's logo as a PDF image of this height, or None (missing or unreadable)."""
    if not ruta:
        return None
    try:
        with default_storage.open(ruta, "rb") as archivo:
            contenido = archivo.read()
        medidas = Image(io.BytesIO(contenido))
        ancho = alto * medidas.imageWidth / medidas.imageHeight
        return Image(io.BytesIO(contenido), width=ancho, height=alto)
    except (OSError, ValueError, ZeroDivisionError):
        return None  # a broken logo must not cost the citizen the acuse


def _tabla_archivos(datos: DatosAcuse, ancho, p, etiqueta, pequeno) -> list:
    if not datos.archivos:
        return [p(_("Sin archivos adjuntos: escrito capturado en el formulario."), pequeno)]
    filas = [[p(_("Archivo"), etiqueta), p(_("Páginas"), etiqueta), p(_("SHA-256"), etiqueta)]]
    huella = ParagraphStyle(
        "folio_huella", parent=pequeno, fontName="Courier", fontSize=6.5, leading=8
    )
    filas += [
        [p(a.nombre, pequeno), p(str(a.paginas), pequeno), p(a.sha256, huella)]
        for a in datos.archivos
    ]
    tabla = Table(filas, colWidths=[ancho - 11.2 * cm, 1.6 * cm, 9.6 * cm], repeatRows=1)
    tabla.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 0), (-1, -1), 0.4, colors.HexColor("#cccccc")),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    return [p(_("Archivos recibidos"), etiqueta), Spacer(1, 4), tabla]


def qr_png(texto: str) -> io.BytesIO:
    codigo = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=4)
    codigo.add_data(texto)
    codigo.make(fit=True)
    salida = io.BytesIO()
    codigo.make_image(fill_color="black", back_color="white").save(salida, format="PNG")
    salida.seek(0)
    return salida


def pdf_acuse(escrito: Escrito, request=None, *, publico: bool = False) -> bytes:
    """The printable acuse (carta or A4, per FOLIO_ACUSE_PAPEL)."""
    datos = datos_acuse(escrito, request, publico=publico)
    papel = PAPELES.get(str(settings.FOLIO_ACUSE_PAPEL).lower(), LETTER)
    salida = io.BytesIO()
    documento = SimpleDocTemplate(
        salida,
        pagesize=papel,
        leftMargin=2 * cm,
        rightMargin=2 * cm,
        topMargin=1.8 * cm,
        bottomMargin=1.8 * cm,
        title=_("Acuse de recibo %(folio)s") % {"folio": datos.folio},
        author=datos.entidad or settings.WAGTAIL_SITE_NAME,
        subject=_("Oficialía de Partes"),
    )
    estilos = getSampleStyleSheet()
    normal = ParagraphStyle("folio_normal", parent=estilos["Normal"], fontSize=10, leading=13)
    etiqueta = ParagraphStyle(
        "folio_etiqueta",
        parent=normal,
        fontName="Helvetica-Bold",
        textColor=colors.HexColor("#333333"),
    )
    titulo = ParagraphStyle("folio_titulo", parent=estilos["Title"], fontSize=18, spaceAfter=2)
    subtitulo = ParagraphStyle(
        "folio_subtitulo", parent=normal, alignment=TA_CENTER, textColor=colors.HexColor("#444444")
    )
    grande = ParagraphStyle(
        "folio_grande", parent=normal, fontName="Helvetica-Bold", fontSize=20, leading=24
    )
    codigo = ParagraphStyle(
        "folio_codigo", parent=normal, fontName="Courier-Bold", fontSize=20, leading=24
    )
    pequeno = ParagraphStyle("folio_pequeno", parent=normal, fontSize=8.5, leading=11)

    def p(texto, estilo=normal):
        return parrafo(texto, estilo)

    recibido = date_format(datos.recibido_en, "j \\d\\e F \\d\\e Y, H:i") + " h"
    filas = [
        [p(_("Folio"), etiqueta), p(datos.folio, grande)],
        [p(_("Fecha y hora de recepción"), etiqueta), p(recibido)],
        [p(_("Canal"), etiqueta), p(datos.canal)],
        [p(_("Tipo de escrito"), etiqueta), p(datos.tipo)],
        [p(_("Asunto"), etiqueta), p(datos.asunto or _("(no se muestra en la copia pública)"))],
        [p(_("Remitente"), etiqueta), p(datos.remitente)],
        [p(_("Número de fojas"), etiqueta), p(str(datos.fojas))],
        [p(_("Número de anexos"), etiqueta), p(str(datos.anexos))],
        [p(_("Recibió"), etiqueta), p(datos.recibido_por)],
    ]
    if datos.tramite:
        filas.insert(4, [p(_("Trámite"), etiqueta), p(datos.tramite)])
    if datos.area:
        filas.append([p(_("Área responsable"), etiqueta), p(datos.area)])
    if datos.vence_en:
        filas.append(
            [
                p(_("Fecha límite de respuesta"), etiqueta),
                p(date_format(datos.vence_en, "j \\d\\e F \\d\\e Y")),
            ]
        )
    ancho = papel[0] - 4 * cm
    tabla = Table(filas, colWidths=[5 * cm, ancho - 5 * cm])
    tabla.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 0), (-1, -2), 0.4, colors.HexColor("#cccccc")),
                ("TOPPADDING", (0, 0), (-1, -1), 5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
            ]
        )
    )
    qr = Image(qr_png(datos.url), width=4.6 * cm, height=4.6 * cm)
    acceso = [
        p(_("Código de acceso"), etiqueta),
        p(datos.codigo, codigo),
        Spacer(1, 6),
        p(
            _(
                "Con el folio y este código puede consultar el estado de su escrito en "
                "%(url)s o escaneando el código QR. No lo comparta: quien lo tenga puede "
                "ver el estado del trámite."
            )
            % {"url": datos.url_sin_codigo},
            pequeno,
        ),
    ]
    caja = Table([[acceso, qr]], colWidths=[ancho - 5.2 * cm, 5.2 * cm])
    caja.setStyle(
        TableStyle(
            [
                ("BOX", (0, 0), (-1, -1), 1, colors.black),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LEFTPADDING", (0, 0), (-1, -1), 10),
                ("TOPPADDING", (0, 0), (-1, -1), 8),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 8),
            ]
        )
    )
    emitido = date_format(timezone.localtime(), "j/m/Y H:i")
    sitio = datos.entidad or settings.WAGTAIL_SITE_NAME
    historia = [p(_("Acuse de recibo"), titulo)]
    if logo := _logo(datos.logo, 1.6 * cm):
        historia.insert(0, logo)
    historia += [
        p(_("Oficialía de Partes · %(sitio)s") % {"sitio": sitio}, subtitulo),
        Spacer(1, 8),
        HRFlowable(width="100%", thickness=1.2, color=colors.black),
        Spacer(1, 8),
        tabla,
        Spacer(1, 10),
        *_tabla_archivos(datos, ancho, p, etiqueta, pequeno),
        Spacer(1, 14),
        caja,
        Spacer(1, 14),
        p(
            _(
                "Este acuse hace constar la recepción del escrito; no prejuzga sobre su "
                "procedencia. Emitido el %(fecha)s."
            )
            % {"fecha": emitido},
            pequeno,
        ),
    ]
    documento.build(historia)
    return salida.getvalue()
