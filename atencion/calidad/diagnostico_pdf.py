"""The «Diagnóstico de la situación actual» of an área as a PDF (reportlab): the inventory
with its figures and a chart, the clima laboral with a chart, the infrastructure checklist
and the automatic findings. Every text from data goes through formatos.pdf.parrafo."""

import io

from django.conf import settings
from django.utils import timezone
from django.utils.formats import date_format, number_format
from django.utils.translation import gettext as _
from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.shapes import Drawing, Line, String
from reportlab.lib import colors
from reportlab.lib.pagesizes import landscape, letter
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.lib.units import cm
from reportlab.platypus import KeepTogether, SimpleDocTemplate, Spacer, Table

from formatos.pdf import AZUL, parrafo, tabla

from .selectors_diagnostico import UMBRAL_CLIMA, UMBRAL_EN_PLAZO_PCT, Diagnostico

ANCHO = landscape(letter)[0] - 3 * cm


def _n(valor, decimales=1) -> str:
    return "—" if valor is None else number_format(valor, decimales)


def _fecha(dia) -> str:
    return date_format(dia, "d/m/Y")


def _tabla(datos, anchos, *, total=False, numeros=False) -> Table:
    estilo = [("ALIGN", (1, 1), (-1, -1), "RIGHT")] if numeros else []
    if total:
        estilo.append(("FONTNAME", (0, -1), (-1, -1), "Helvetica-Bold"))
    return tabla(datos, anchos, estilo=estilo)


def _barras(titulo: str, etiquetas, valores, maximo: float, umbral: float, decimales=1) -> Drawing:
    """A horizontal bar chart (first item on top) with a dashed line at the threshold."""
    etiquetas, valores = list(reversed(etiquetas)), list(reversed(valores))
    alto = 40 + 18 * len(valores)
    dibujo = Drawing(ANCHO, alto)
    dibujo.add(String(0, alto - 12, titulo, fontName="Helvetica-Bold", fontSize=9))
    grafica = HorizontalBarChart()
    grafica.x, grafica.y = 200, 20
    grafica.width, grafica.height = ANCHO - 260, alto - 45
    grafica.data = [[v or 0 for v in valores]]
    grafica.bars[0].fillColor = AZUL
    grafica.barLabelFormat = lambda v: number_format(v, decimales)
    grafica.barLabels.fontSize = 7
    grafica.barLabels.boxAnchor = "w"
    grafica.barLabels.dx = 3
    grafica.valueAxis.valueMin, grafica.valueAxis.valueMax = 0, maximo
    grafica.valueAxis.labels.fontSize = 7
    grafica.categoryAxis.categoryNames = [
        str(e) if len(str(e)) <= 38 else str(e)[:37] + "…" for e in etiquetas
    ]
    grafica.categoryAxis.labels.fontSize = 7
    grafica.categoryAxis.labels.boxAnchor = "e"
    grafica.categoryAxis.labels.dx = -4
    dibujo.add(grafica)
    x = grafica.x + grafica.width * umbral / maximo
    dibujo.add(
        Line(
            x,
            grafica.y,
            x,
            grafica.y + grafica.height,
            strokeColor=colors.HexColor("#c62828"),
            strokeDashArray=[3, 2],
        )
    )
    return dibujo


def _inventario(diag: Diagnostico, estilos) -> list:
    celda = estilos["BodyText"].clone("celda", fontSize=8, leading=10)
    cabecera = [
        _("Trámite"),
        _("Escritos"),
        _("Turnos"),
        _("Respuesta mediana (días háb.)"),
        _("Respuesta p90"),
        _("En plazo (%)"),
        _("Espera media (min)"),
        _("Espera p90"),
        _("Satisfacción (encuestas)"),
        _("Quejas y denuncias"),
        _("Coyotaje"),
    ]
    cabecera = [parrafo(c, celda.clone("cab", textColor=colors.white)) for c in cabecera]

    def fila(nombre, c):
        return [
            parrafo(nombre, celda),
            c.escritos,
            c.fichas,
            _n(c.respuesta_mediana),
            _n(c.respuesta_p90),
            _n(c.en_plazo_pct),
            _n(c.espera_media),
            _n(c.espera_p90),
            f"{_n(c.satisfaccion, 2)} ({c.encuestas})",
            c.quejas,
            c.coyotaje,
        ]

    inv = diag.inventario
    datos = [cabecera]
    for f in inv.filas:
        nombre = f.tramite.titulo + (f" ({f.tramite.clave})" if f.tramite.clave else "")
        datos.append(fila(nombre, f.cifras))
    datos.append(fila(_("Total del área"), inv.total))
    cifras = [1.5, 1.5, 2.1, 1.8, 1.6, 1.8, 1.6, 2.6, 1.9, 1.8]
    anchos = [ANCHO - sum(cifras) * cm] + [a * cm for a in cifras]
    historia = [
        parrafo(_("1. Inventario de trámites y servicios"), estilos["Heading2"]),
        _tabla(datos, anchos, total=True, numeros=True),
        Spacer(1, 0.2 * cm),
        parrafo(
            _(
                "Escritos: los del área con el tema del trámite (un trámite sin tema cuenta "
                "todos los del área). Turnos: los de los servicios en ventanilla vinculados al "
                "trámite. La satisfacción se muestra desde %(k)s encuestas. El total del área "
                "incluye lo que no está vinculado a ningún trámite."
            )
            % {"k": settings.FOLIO_ESTADISTICAS_UMBRAL},
            estilos["Italic"].clone("nota", fontSize=8, leading=10),
        ),
    ]
    con_plazo = [f for f in inv.filas if f.cifras.en_plazo_pct is not None]
    if con_plazo:
        historia += [
            Spacer(1, 0.3 * cm),
            _barras(
                _("Escritos respondidos en plazo por trámite (%%); línea: %(u)s %%")
                % {"u": UMBRAL_EN_PLAZO_PCT},
                [f.tramite.titulo for f in con_plazo],
                [f.cifras.en_plazo_pct for f in con_plazo],
                100,
                UMBRAL_EN_PLAZO_PCT,
            ),
        ]
    return historia


def _registrado(registro) -> str:
    persona = registro.registrada_por
    return _("Periodo %(desde)s al %(hasta)s; registrado por %(quien)s el %(cuando)s.") % {
        "desde": _fecha(registro.periodo_desde),
        "hasta": _fecha(registro.periodo_hasta),
        "quien": persona.get_full_name() or persona.get_username(),
        "cuando": date_format(timezone.localtime(registro.registrada_en), "d/m/Y H:i"),
    }


def _clima(diag: Diagnostico, estilos) -> list:
    historia = [parrafo(_("2. Clima laboral"), estilos["Heading2"])]
    clima = diag.clima
    if clima is None:
        return [
            *historia,
            parrafo(_("No hay encuesta de clima laboral registrada."), estilos["Normal"]),
        ]
    participacion = (
        _("Respondieron %(n)s personas de %(total)s (%(pct)s %%).")
        % {"n": clima.participantes, "total": clima.personal, "pct": _n(clima.participacion_pct)}
        if clima.personal
        else _("Respondieron %(n)s personas.") % {"n": clima.participantes}
    )
    medidas = [
        (etiqueta, media) for _c, etiqueta, media in clima.dimensiones() if media is not None
    ]
    historia += [
        parrafo(participacion + " " + _registrado(clima), estilos["Normal"]),
        Spacer(1, 0.2 * cm),
        _tabla(
            [[_("Dimensión"), _("Promedio (1 a 5)")]]
            + [[etiqueta, _n(media, 2)] for _c, etiqueta, media in clima.dimensiones()],
            [8 * cm, 4 * cm],
            numeros=True,
        ),
        Spacer(1, 0.3 * cm),
        _barras(
            _("Promedio por dimensión (1 a 5); línea: %(u)s") % {"u": _n(UMBRAL_CLIMA)},
            [e for e, _m in medidas],
            [m for _e, m in medidas],
            5,
            UMBRAL_CLIMA,
            decimales=2,
        ),
    ]
    if clima.observaciones:
        historia.append(parrafo(clima.observaciones, estilos["Normal"]))
    return historia


def _infraestructura(diag: Diagnostico, estilos) -> list:
    historia = [parrafo(_("3. Infraestructura física y tecnológica"), estilos["Heading2"])]
    revision = diag.revision
    if revision is None:
        return [
            *historia,
            parrafo(_("No hay revisión de infraestructura registrada."), estilos["Normal"]),
        ]
    celda = estilos["BodyText"].clone("celda_infra", fontSize=8, leading=10)
    datos = [[_("Elemento"), _("Estado"), _("Notas")]] + [
        [parrafo(etiqueta, celda), estado_texto, parrafo(notas or "—", celda)]
        for _c, etiqueta, _e, estado_texto, notas in revision.revisados()
    ]
    historia += [
        parrafo(_registrado(revision), estilos["Normal"]),
        Spacer(1, 0.2 * cm),
        _tabla(datos, [8 * cm, 3 * cm, ANCHO - 11 * cm]),
    ]
    if revision.observaciones:
        historia.append(parrafo(revision.observaciones, estilos["Normal"]))
    return historia


def _pie(canvas, doc):
    canvas.saveState()
    canvas.setFont("Helvetica", 7)
    canvas.drawRightString(
        doc.pagesize[0] - 1.5 * cm, 0.8 * cm, _("Página %(n)s") % {"n": canvas.getPageNumber()}
    )
    canvas.drawString(1.5 * cm, 0.8 * cm, doc.title)
    canvas.restoreState()


def informe_pdf(diag: Diagnostico) -> bytes:
    inv = diag.inventario
    titulo = _("Diagnóstico de la situación actual")
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=landscape(letter),
        leftMargin=1.5 * cm,
        rightMargin=1.5 * cm,
        topMargin=1.5 * cm,
        bottomMargin=1.5 * cm,
        title=f"{titulo} · {inv.area.nombre}",
        lang="es",
    )
    estilos = getSampleStyleSheet()
    historia = [
        parrafo(titulo, estilos["Title"]),
        parrafo(inv.area.nombre, estilos["Heading1"].clone("area", alignment=1)),
        parrafo(
            _("Periodo: %(desde)s al %(hasta)s · generado el %(hoy)s por %(sitio)s")
            % {
                "desde": _fecha(inv.desde),
                "hasta": _fecha(inv.hasta),
                "hoy": date_format(timezone.localtime(), "d/m/Y H:i"),
                "sitio": settings.WAGTAIL_SITE_NAME,
            },
            estilos["Normal"].clone("periodo", alignment=1),
        ),
        Spacer(1, 0.4 * cm),
        *_inventario(diag, estilos),
        *_clima(diag, estilos),
        *_infraestructura(diag, estilos),
        KeepTogether(
            [parrafo(_("4. Hallazgos"), estilos["Heading2"])]
            + [parrafo(f"• {h}", estilos["Normal"]) for h in diag.hallazgos]
        ),
    ]
    doc.build(historia, onFirstPage=_pie, onLaterPages=_pie)
    return buffer.getvalue()
