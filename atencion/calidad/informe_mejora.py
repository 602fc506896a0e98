"""The informe de mejora (RSGP 006-2019-PCM/SGP): the evaluation, each oportunidad with its
acciones (responsables, dates, avance, seguimientos with their evidence), each indicator's
ficha with the value before and after (measured by Folio when it computes it), and the
lecciones aprendidas. As a PDF (reportlab, a before/after bar chart per indicator) and as
data for the web template (the same bars as SVG geometry)."""

import io

from django.conf import settings
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.shapes import Drawing, Line, String
from reportlab.lib import colors
from reportlab.lib.pagesizes import LETTER
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.lib.units import cm
from reportlab.platypus import KeepTogether, SimpleDocTemplate, Spacer, Table

from formatos.pdf import AZUL, parrafo, parrafo_marcado, tabla

from .selectors_mejora import Accion, InformeMejora, Medicion, cifra

ANTES, DESPUES = colors.HexColor("#8795a1"), colors.HexColor("#0b4f6c")
META = colors.HexColor("#b7791f")


def _fecha(valor) -> str:
    return valor.strftime("%d/%m/%Y") if valor else "—"


def rango(desde, hasta) -> str:
    return _("del %(desde)s al %(hasta)s") % {"desde": _fecha(desde), "hasta": _fecha(hasta)}


def _periodo(periodo) -> str:
    return "" if periodo is None else rango(periodo.desde, periodo.hasta)


def responsable(accion: Accion) -> str:
    a = accion.actividad
    partes = [a.area_responsable.nombre if a.area_responsable_id else ""]
    if a.responsable_id:
        partes.append(a.responsable.get_full_name() or a.responsable.get_username())
    return " · ".join(p for p in partes if p) or "—"


def meta_texto(medicion: Medicion) -> str:
    alcanzada = medicion.meta_alcanzada
    if alcanzada is None:
        return _("sin datos para saberlo")
    return _("alcanzada") if alcanzada else _("no alcanzada")


def fuente_texto(medicion: Medicion, accion: Accion) -> tuple[str, str]:
    """How the before and after values were obtained."""
    if medicion.calculado:
        return (
            _("medido por Folio %(periodo)s (periodo evaluado)")
            % {"periodo": _periodo(medicion.periodo_antes)},
            _("medido por Folio %(periodo)s") % {"periodo": _periodo(medicion.periodo_despues)}
            if medicion.periodo_despues
            else _("la acción aún no empieza"),
        )
    despues = (
        _("registrado en el seguimiento del %(fecha)s") % {"fecha": _fecha(medicion.fecha_valor)}
        if medicion.fecha_valor
        else _("sin valor registrado")
    )
    return _("línea base de la ficha"), despues


def barras(medicion: Medicion, ancho: int = 320, alto: int = 140) -> dict:
    """SVG geometry of the before/after bars with the meta as a line (web version)."""
    valores = [medicion.antes, medicion.despues]
    tope = max([float(v) for v in [*valores, medicion.meta] if v is not None] + [0])
    tope = tope * 1.15 or 1
    base_y, margen = alto - 24, 16

    def y(valor) -> float:
        return round(base_y - float(valor) / tope * (base_y - margen), 1)

    columnas = []
    for i, (valor, etiqueta) in enumerate(zip(valores, (_("Antes"), _("Después")), strict=True)):
        x = 60 + i * 120
        columnas.append(
            {
                "x": x,
                "centro": x + 40,
                "y": y(valor) if valor is not None else base_y,
                "alto": round(base_y - y(valor), 1) if valor is not None else 0,
                "texto": cifra(valor) if valor is not None else _("sin datos"),
                "texto_y": (y(valor) if valor is not None else base_y) - 4,
                "etiqueta": etiqueta,
                "clase": "antes" if i == 0 else "despues",
            }
        )
    meta = None if medicion.meta is None else {"y": y(medicion.meta), "texto": cifra(medicion.meta)}
    return {"ancho": ancho, "alto": alto, "base_y": base_y, "columnas": columnas, "meta": meta}


def _grafica(medicion: Medicion, unidad: str) -> Drawing:
    dibujo = Drawing(9 * cm, 4.6 * cm)
    grafica = VerticalBarChart()
    grafica.x, grafica.y, grafica.width, grafica.height = 40, 22, 190, 90
    valores = [float(v) if v is not None else 0 for v in (medicion.antes, medicion.despues)]
    grafica.data = [valores]
    grafica.categoryAxis.categoryNames = [
        f"{etiqueta}: {cifra(v) if v is not None else _('sin datos')}"
        for etiqueta, v in ((_("Antes"), medicion.antes), (_("Después"), medicion.despues))
    ]
    grafica.categoryAxis.labels.fontName = "Helvetica"
    grafica.categoryAxis.labels.fontSize = 8
    grafica.valueAxis.labels.fontName = "Helvetica"
    grafica.valueAxis.labels.fontSize = 7
    tope = max([*valores, float(medicion.meta or 0)]) * 1.2 or 1
    grafica.valueAxis.valueMin, grafica.valueAxis.valueMax = 0, tope
    grafica.bars[(0, 0)].fillColor = ANTES
    grafica.bars[(0, 1)].fillColor = DESPUES
    dibujo.add(grafica)
    if medicion.meta is not None:
        y = grafica.y + float(medicion.meta) / tope * grafica.height
        dibujo.add(
            Line(
                grafica.x,
                y,
                grafica.x + grafica.width,
                y,
                strokeColor=META,
                strokeWidth=1.2,
                strokeDashArray=[4, 2],
            )
        )
        dibujo.add(
            String(
                grafica.x + grafica.width + 4,
                y - 3,
                _("meta %(meta)s") % {"meta": cifra(medicion.meta)},
                fontName="Helvetica",
                fontSize=7,
                fillColor=META,
            )
        )
    if unidad:
        dibujo.add(
            String(0, grafica.y + grafica.height + 8, unidad, fontName="Helvetica", fontSize=7)
        )
    return dibujo


class _Estilos:
    def __init__(self):
        base = getSampleStyleSheet()
        self.titulo = base["Title"]
        self.h2 = base["Heading2"].clone("h2_mejora", textColor=AZUL)
        self.h3 = base["Heading3"].clone("h3_mejora", spaceBefore=8)
        self.h4 = base["Heading4"].clone("h4_mejora", spaceBefore=6)
        self.normal = base["BodyText"].clone("normal_mejora", fontSize=9.5, leading=12)
        self.celda = base["BodyText"].clone("celda_mejora", fontSize=8, leading=10)
        self.tenue = self.normal.clone("tenue_mejora", textColor=colors.HexColor("#4a5560"))


def _tabla(filas, anchos, cabecera=True) -> Table:
    # Without a header the first column holds the labels.
    etiquetas = () if cabecera else [("BACKGROUND", (0, 0), (0, -1), colors.HexColor("#eef0f2"))]
    return tabla(filas, anchos, cabecera=cabecera, estilo=etiquetas)


def _ficha(accion: Accion, e: _Estilos) -> list:
    indicador, medicion = accion.actividad.indicador, accion.medicion
    textos = medicion.textos
    antes_fuente, despues_fuente = fuente_texto(medicion, accion)
    filas = [
        (_("Indicador"), indicador.nombre),
        (_("Fórmula"), indicador.formula or "—"),
        (_("Fuente"), indicador.fuente or "—"),
        (_("Cálculo"), indicador.get_calculo_display()),
        (_("Frecuencia"), indicador.get_frecuencia_display()),
        (_("Unidad"), indicador.unidad or "—"),
        (
            _("Sentido"),
            _("un valor mayor es mejor")
            if indicador.mayor_es_mejor
            else _("un valor menor es mejor"),
        ),
        (_("Línea base"), cifra(indicador.linea_base)),
        (_("Meta"), textos["meta"]),
        (_("Antes"), f"{textos['antes']} · {antes_fuente}"),
        (_("Después"), f"{textos['despues']} · {despues_fuente}"),
        (_("Cambio"), textos["cambio"] if medicion.cambio is not None else "—"),
        (_("Resultado"), _("Meta %(resultado)s") % {"resultado": meta_texto(medicion)}),
    ]
    datos = [[parrafo(a, e.celda), parrafo(b, e.celda)] for a, b in filas]
    ficha = _tabla(datos, [2.6 * cm, 6.6 * cm], cabecera=False)
    return [Table([[ficha, _grafica(medicion, indicador.unidad)]], colWidths=[9.4 * cm, 8 * cm])]


def _seguimientos(accion: Accion, e: _Estilos) -> list:
    if not accion.seguimientos:
        return [parrafo(_("Sin seguimientos registrados."), e.tenue)]
    manual = accion.medicion is not None and not accion.medicion.calculado
    cabecera = [_("Fecha"), _("Avance"), _("Qué se hizo"), _("Valor"), _("Evidencia")]
    filas = [cabecera]
    for s in accion.seguimientos:
        filas.append(
            [
                _fecha(s.fecha),
                f"{s.avance} %",
                parrafo(s.descripcion or "—", e.celda),
                cifra(s.valor) if manual else "—",
                parrafo(s.evidencia.title if s.evidencia_id else "—", e.celda),
            ]
        )
    return [_tabla(filas, [2 * cm, 1.5 * cm, 8.4 * cm, 1.6 * cm, 4 * cm])]


def _accion(numero: str, accion: Accion, e: _Estilos) -> list:
    a = accion.actividad
    datos = [
        (_("Responsable"), responsable(accion)),
        (_("Fechas"), rango(a.inicio, a.fin)),
        (_("Avance"), f"{accion.avance} % · {accion.estado_texto}"),
        (_("Meta o producto"), a.meta),
    ]
    historia = [
        parrafo(f"{numero} {a.nombre}", e.h3),
        _tabla(
            [[parrafo(x, e.celda), parrafo(y, e.celda)] for x, y in datos],
            [3.4 * cm, 14.1 * cm],
            cabecera=False,
        ),
        Spacer(1, 0.2 * cm),
    ]
    if accion.medicion is not None:
        historia += [parrafo(_("Ficha del indicador"), e.h4), *_ficha(accion, e)]
    historia += [parrafo(_("Seguimiento"), e.h4), *_seguimientos(accion, e)]
    return historia


def pdf_informe(informe: InformeMejora) -> bytes:
    evaluacion = informe.evaluacion
    salida = io.BytesIO()
    documento = SimpleDocTemplate(
        salida,
        pagesize=LETTER,
        leftMargin=2 * cm,
        rightMargin=2 * cm,
        topMargin=1.8 * cm,
        bottomMargin=1.8 * cm,
        title=_("Informe de mejora: %(servicio)s") % {"servicio": evaluacion.nombre},
        author=settings.WAGTAIL_SITE_NAME,
        lang="es",
    )
    e = _Estilos()
    hoy = timezone.localdate()
    emitido = _("%(dia)s de %(mes)s de %(anio)s") % {
        "dia": hoy.day,
        "mes": date_format(hoy, "F").lower(),
        "anio": hoy.year,
    }
    historia = [
        parrafo(_("Informe de mejora"), e.titulo),
        parrafo(evaluacion.nombre, e.h2),
        parrafo_marcado(
            "<b>%(a)s</b> %(area)s · <b>%(p)s</b> %(periodo)s",
            e.normal,
            a=_("Área:"),
            area=evaluacion.area.nombre,
            p=_("Periodo evaluado:"),
            periodo=rango(evaluacion.periodo_desde, evaluacion.periodo_hasta),
        ),
        parrafo_marcado(
            "<b>%(e)s</b> %(estado)s · <b>%(av)s</b> %(avance)s %% · <b>%(em)s</b> %(fecha)s",
            e.normal,
            e=_("Estado:"),
            estado=evaluacion.get_estado_display(),
            av=_("Avance general:"),
            avance=informe.avance,
            em=_("Emitido el"),
            fecha=emitido,
        ),
        Spacer(1, 0.3 * cm),
    ]
    for i, (oportunidad, acciones) in enumerate(informe.oportunidades, start=1):
        historia.append(parrafo(_("Oportunidad de mejora %(n)s") % {"n": i}, e.h2))
        historia.append(parrafo(oportunidad.descripcion, e.normal))
        detalles = [
            (_("Causa:"), oportunidad.causa),
            (_("Prioridad:"), oportunidad.get_prioridad_display()),
        ]
        if oportunidad.componente_id:
            detalles.insert(0, (_("Componente:"), str(oportunidad.componente)))
        for etiqueta, valor in detalles:
            historia.append(parrafo_marcado("<b>%(e)s</b> %(v)s", e.tenue, e=etiqueta, v=valor))
        if not acciones:
            historia.append(parrafo(_("Sin acciones de mejora planificadas."), e.tenue))
        for j, accion in enumerate(acciones, start=1):
            historia += _accion(f"{i}.{j}", accion, e)
    historia.append(parrafo(_("Lecciones aprendidas"), e.h2))
    historia.append(
        parrafo(
            evaluacion.lecciones_aprendidas or _("Aún no se registran: el ciclo sigue abierto."),
            e.normal,
        )
    )
    if evaluacion.motivo_cierre:
        historia.append(
            KeepTogether(
                [
                    parrafo(_("Cierre con acciones sin concluir"), e.h3),
                    parrafo(evaluacion.motivo_cierre, e.normal),
                ]
            )
        )
    documento.build(historia)
    return salida.getvalue()
