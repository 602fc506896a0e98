"""The informe de evaluación as a PDF (reportlab): data, figures against the previous period,
a bar chart of the score per componente, every criterion, the oportunidades de mejora, the
conclusiones and the approval; "BORRADOR" across every page until it is approved."""

import io

from django.conf import settings
from django.utils import timezone, translation
from django.utils.formats import date_format, number_format
from django.utils.translation import gettext as _
from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.pagesizes import LETTER
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.lib.units import cm
from reportlab.platypus import KeepTogether, SimpleDocTemplate, Spacer, Table, TableStyle

from formatos.pdf import AZUL, parrafo, parrafo_marcado, tabla

from .selectors import MAXIMO, Informe, nombre

ANCHO = LETTER[0] - 4 * cm


def _fecha(valor) -> str:
    return date_format(valor, "j \\d\\e F \\d\\e Y")


def _estilos():
    hoja = getSampleStyleSheet()
    return {
        "titulo": hoja["Title"].clone("inf_titulo", fontSize=16, leading=20),
        "h2": hoja["Heading2"].clone("inf_h2", textColor=AZUL, spaceBefore=10),
        "h3": hoja["Heading3"].clone("inf_h3", spaceBefore=6),
        "normal": hoja["BodyText"].clone("inf_normal", fontSize=9.5, leading=12.5),
        "celda": hoja["BodyText"].clone("inf_celda", fontSize=8.5, leading=10.5),
        "tenue": hoja["BodyText"].clone("inf_tenue", fontSize=8, textColor=colors.grey),
    }


def _tabla(filas, anchos, cabecera=True) -> Table:
    return tabla(filas, anchos, cabecera=cabecera, tamano=8.5)


def _recortar(texto: str, largo: int) -> str:
    return texto if len(texto) <= largo else texto[: largo - 1].rstrip() + "…"


def grafica(datos: Informe) -> Drawing:
    """Horizontal bars: the mean score (0 to 4) of each componente."""
    componentes = datos.componentes
    alto_barra = 22
    alto = max(1, len(componentes)) * alto_barra + 48
    dibujo = Drawing(ANCHO, alto)
    barras = HorizontalBarChart()
    barras.x, barras.y = 190, 32
    barras.width, barras.height = ANCHO - 230, alto - 42
    # reportlab draws the first category at the bottom: reverse so 1 is on top.
    orden = list(reversed(componentes))
    barras.data = [[c.media or 0 for c in orden]]
    barras.categoryAxis.categoryNames = [
        _recortar(f"{c.componente.numero}. {c.componente.nombre}", 42) for c in orden
    ]
    barras.categoryAxis.labels.fontSize = 7.5
    barras.categoryAxis.labels.fontName = "Helvetica"
    barras.valueAxis.valueMin, barras.valueAxis.valueMax, barras.valueAxis.valueStep = 0, MAXIMO, 1
    barras.valueAxis.labels.fontSize = 8
    barras.bars[0].fillColor = AZUL
    barras.bars[0].strokeColor = None
    # An unscored componente is not a 0 ("no existe"): no bar, and it says so.
    barras.barLabelFormat = "values"
    barras.barLabelArray = [
        [_("sin calificar") if c.media is None else f"{c.media:.2f}" for c in orden]
    ]
    barras.barLabels.fontSize = 7.5
    barras.barLabels.boxAnchor = "w"
    barras.barLabels.nudge = 4
    dibujo.add(barras)
    dibujo.add(
        String(
            barras.x + barras.width / 2,
            4,
            _("Puntaje medio por componente (0 a 4)"),
            fontSize=8,
            textAnchor="middle",
        )
    )
    return dibujo


def _marca(borrador: bool):
    def dibujar(lienzo, documento):
        lienzo.saveState()
        lienzo.setFont("Helvetica", 7.5)
        lienzo.setFillColor(colors.grey)
        lienzo.drawString(2 * cm, 1.2 * cm, settings.WAGTAIL_SITE_NAME)
        lienzo.drawRightString(
            LETTER[0] - 2 * cm,
            1.2 * cm,
            _("Página %(n)s") % {"n": documento.page},
        )
        if borrador:
            lienzo.setFont("Helvetica-Bold", 8.5)
            lienzo.setFillColor(colors.HexColor("#b4191f"))
            lienzo.drawRightString(
                LETTER[0] - 2 * cm, LETTER[1] - 1.2 * cm, _("BORRADOR: informe no aprobado")
            )
            lienzo.setFont("Helvetica-Bold", 90)
            lienzo.setFillColor(colors.Color(0.8, 0.1, 0.1, alpha=0.15))
            lienzo.translate(LETTER[0] / 2, LETTER[1] / 2)
            lienzo.rotate(45)
            lienzo.drawCentredString(0, 0, _("BORRADOR"))
        lienzo.restoreState()

    return dibujar


def _datos_generales(datos: Informe, e) -> list:
    ev = datos.evaluacion
    tramite = ev.tramite.title if ev.tramite_id and ev.tramite else "—"
    filas = [
        (_("Bien o servicio"), ev.nombre),
        (_("Área"), ev.area.nombre),
        (_("Trámite del catálogo"), tramite),
        (_("Servicios en ventanilla"), ", ".join(datos.servicios) or "—"),
        (
            _("Periodo evaluado"),
            _("%(desde)s al %(hasta)s")
            % {"desde": _fecha(ev.periodo_desde), "hasta": _fecha(ev.periodo_hasta)},
        ),
        (_("Modelo de evaluación"), ev.modelo.nombre),
        (_("Base legal"), ev.modelo.base_legal or "—"),
        (_("Motivo de la priorización"), ev.motivo or "—"),
    ]
    tabla = _tabla(
        [[parrafo(k, e["celda"]), parrafo(v, e["celda"])] for k, v in filas],
        [4.5 * cm, ANCHO - 4.5 * cm],
        cabecera=False,
    )
    tabla.setStyle(TableStyle([("BACKGROUND", (0, 0), (0, -1), colors.HexColor("#eef3f6"))]))
    return [tabla]


def _equipo(datos: Informe, e) -> list:
    filas = [[_("Integrante"), _("Rol")]]
    filas += [[parrafo(nombre(m.usuario), e["celda"]), m.get_rol_display()] for m in datos.equipo]
    return [parrafo(_("Equipo evaluador"), e["h2"]), _tabla(filas, [11 * cm, ANCHO - 11 * cm])]


def _cifras(datos: Informe, e) -> list:
    actual, anterior = datos.cifras.actual, datos.cifras.anterior
    filas = [
        [
            _("Indicador"),
            parrafo(
                _("Periodo evaluado (%(d)s a %(h)s)")
                % {
                    "d": date_format(actual.desde, "d/m/Y"),
                    "h": date_format(actual.hasta, "d/m/Y"),
                },
                e["celda"].clone("cab", textColor=colors.white),
            ),
            parrafo(
                _("Periodo anterior (%(d)s a %(h)s)")
                % {
                    "d": date_format(anterior.desde, "d/m/Y"),
                    "h": date_format(anterior.hasta, "d/m/Y"),
                },
                e["celda"].clone("cab2", textColor=colors.white),
            ),
        ]
    ]
    filas += [[parrafo(f.etiqueta, e["celda"]), f.actual, f.anterior] for f in datos.cifras.filas]
    return [
        parrafo(_("Cifras del periodo frente al periodo anterior"), e["h2"]),
        _tabla(filas, [8.5 * cm, (ANCHO - 8.5 * cm) / 2, (ANCHO - 8.5 * cm) / 2]),
        parrafo(
            _(
                "Cifras de Folio para el área, el tema y los servicios evaluados. La "
                "satisfacción se muestra desde %(k)s respuestas."
            )
            % {"k": datos.umbral},
            e["tenue"],
        ),
    ]


def _resultados(datos: Informe, e) -> list:
    filas = [[_("Componente"), _("Puntaje medio"), _("% del máximo"), _("Calificados")]]
    for c in datos.componentes:
        filas.append(
            [
                parrafo(f"{c.componente.numero}. {c.componente.nombre}", e["celda"]),
                "—" if c.media is None else number_format(c.media, 2),
                "—" if c.porcentaje is None else f"{number_format(c.porcentaje, 1)} %",
                f"{c.calificados} / {c.total}",
            ]
        )
    general = "—" if datos.media is None else number_format(datos.media, 2)
    return [
        KeepTogether([parrafo(_("Resultado por componente"), e["h2"]), grafica(datos)]),
        Spacer(1, 0.2 * cm),
        _tabla(filas, [ANCHO - 8 * cm, 2.6 * cm, 2.6 * cm, 2.8 * cm]),
        parrafo(
            _("Puntaje medio de todos los criterios: %(m)s de 4.") % {"m": general}, e["normal"]
        ),
    ]


def _criterios(datos: Informe, e) -> list:
    historia = [parrafo(_("Calificación de cada criterio"), e["h2"])]
    for c in datos.componentes:
        filas = [[_("Criterio"), _("Puntaje"), _("Notas")]]
        for fila in c.filas:
            cal = fila.calificacion
            nivel = cal.get_puntaje_display() if cal else _("Sin calificar")
            notas = cal.notas if cal and cal.notas else "—"
            if cal and (n := len(fila.evidencias)):
                notas = f"{notas} ({_('evidencias: %(n)s') % {'n': n}})"
            filas.append(
                [
                    parrafo(
                        f"{c.componente.numero}.{fila.criterio.numero} {fila.criterio.texto}",
                        e["celda"],
                    ),
                    parrafo(nivel, e["celda"]),
                    parrafo(notas, e["celda"]),
                ]
            )
        historia.append(
            KeepTogether(
                [
                    parrafo(f"{c.componente.numero}. {c.componente.nombre}", e["h3"]),
                    _tabla(filas, [7.5 * cm, 2.8 * cm, ANCHO - 10.3 * cm]),
                ]
            )
        )
    return historia


def _oportunidades(datos: Informe, e) -> list:
    historia = [parrafo(_("Oportunidades de mejora"), e["h2"])]
    if not datos.oportunidades:
        return [*historia, parrafo(_("No se registraron oportunidades de mejora."), e["normal"])]
    filas = [[_("Componente"), _("Oportunidad de mejora"), _("Causa"), _("Prioridad")]]
    for o in datos.oportunidades:
        filas.append(
            [
                parrafo(str(o.componente) if o.componente else _("General"), e["celda"]),
                parrafo(o.descripcion, e["celda"]),
                parrafo(o.causa, e["celda"]),
                o.get_prioridad_display(),
            ]
        )
    return [
        *historia,
        _tabla(filas, [2.3 * cm, (ANCHO - 4.5 * cm) / 2, (ANCHO - 4.5 * cm) / 2, 2.2 * cm]),
    ]


def _cierre(datos: Informe, e) -> list:
    ev = datos.evaluacion
    historia = [parrafo(_("Conclusiones"), e["h2"])]
    historia += [parrafo(p, e["normal"]) for p in (ev.conclusiones or "—").split("\n") if p.strip()]
    historia.append(parrafo(_("Aprobación"), e["h2"]))
    if datos.borrador:
        historia.append(
            parrafo(
                _(
                    "Borrador: este informe aún no ha sido aprobado por la máxima autoridad administrativa."
                ),
                e["normal"],
            )
        )
    else:
        momento = timezone.localtime(ev.aprobada_en)
        historia.append(
            parrafo_marcado(
                _(
                    "Aprobado por <b>%(quien)s</b>, máxima autoridad administrativa, el %(fecha)s a las %(hora)s h."
                ),
                e["normal"],
                quien=datos.aprobada_por,
                fecha=_fecha(momento),
                hora=date_format(momento, "H:i"),
            )
        )
    return [KeepTogether(historia)]


def pdf_informe(datos: Informe) -> bytes:
    """The informe as PDF bytes, in the installation's language (LANGUAGE_CODE) whatever the
    admin's; a draft (not yet approved) carries the BORRADOR mark."""
    with translation.override(settings.LANGUAGE_CODE):
        return _pdf(datos)


def _pdf(datos: Informe) -> bytes:
    e = _estilos()
    salida = io.BytesIO()
    documento = SimpleDocTemplate(
        salida,
        pagesize=LETTER,
        leftMargin=2 * cm,
        rightMargin=2 * cm,
        topMargin=1.8 * cm,
        bottomMargin=2 * cm,
        title=_("Informe de evaluación: %(s)s") % {"s": datos.evaluacion.nombre},
        author=settings.WAGTAIL_SITE_NAME,
        lang="es",
    )
    historia = [
        parrafo(settings.WAGTAIL_SITE_NAME, e["tenue"]),
        parrafo(_("Informe de evaluación de la calidad del servicio"), e["titulo"]),
        parrafo(datos.evaluacion.nombre, e["h3"]),
        Spacer(1, 0.2 * cm),
        *_datos_generales(datos, e),
        *_equipo(datos, e),
        *_cifras(datos, e),
        *_resultados(datos, e),
        *_criterios(datos, e),
        *_oportunidades(datos, e),
        *_cierre(datos, e),
    ]
    marca = _marca(datos.borrador)
    documento.build(historia, onFirstPage=marca, onLaterPages=marca)
    return salida.getvalue()
