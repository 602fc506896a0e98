"""Downloads of portal data: the plan as CSV and PDF; statistics tables as CSV, JSON and XLSX."""

import io
import json

from django.http import HttpResponse
from django.utils.text import slugify
from django.utils.translation import gettext as _

from formatos import hojas
from formatos.descarga import descarga

CABECERAS_PLAN = [
    "componente",
    "numero",
    "actividad",
    "meta_producto",
    "indicador",
    "responsable",
    "fecha_inicio",
    "fecha_fin",
    "avance_porcentaje",
    "estado",
    "ultimo_seguimiento",
]


def filas_plan(plan) -> list[list]:
    filas = []
    for componente in plan.componentes:
        for act in componente.actividades:
            ultimo = act.seguimiento[-1].fecha.isoformat() if act.seguimiento else ""
            filas.append(
                [
                    componente.nombre,
                    act.numero,
                    act.nombre,
                    act.meta,
                    act.indicador,
                    act.responsable_nombre,
                    act.inicio.isoformat(),
                    act.fin.isoformat(),
                    act.avance,
                    str(act.estado_texto),
                    ultimo,
                ]
            )
    return filas


def plan_csv(page, plan) -> HttpResponse:
    return descarga(
        hojas.en_csv(CABECERAS_PLAN, filas_plan(plan)),
        hojas.TIPO_CSV,
        f"plan-anticorrupcion-{plan.vigencia}.csv",
    )


def plan_pdf(page, plan) -> HttpResponse:
    from reportlab.lib.pagesizes import landscape, letter
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.lib.units import cm
    from reportlab.platypus import SimpleDocTemplate, Spacer

    from formatos.pdf import parrafo
    from formatos.pdf import tabla as tabla_pdf

    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=landscape(letter),
        leftMargin=1.5 * cm,
        rightMargin=1.5 * cm,
        topMargin=1.5 * cm,
        bottomMargin=1.5 * cm,
        title=page.title,
        lang="es",
    )
    estilos = getSampleStyleSheet()
    celda = estilos["BodyText"].clone("celda", fontSize=8, leading=10)
    historia = [
        parrafo(page.title, estilos["Title"]),
        parrafo(
            _("Vigencia %(anio)s · avance general %(avance)s %%")
            % {"anio": plan.vigencia, "avance": plan.avance},
            estilos["Normal"],
        ),
        Spacer(1, 0.4 * cm),
    ]
    cabecera = [
        _("N.º"),
        _("Actividad"),
        _("Meta o producto"),
        _("Indicador"),
        _("Responsable"),
        _("Inicio"),
        _("Fin"),
        _("Avance"),
        _("Estado"),
    ]
    for componente in plan.componentes:
        historia.append(
            parrafo(
                f"{componente.numero}. {componente.nombre} ({componente.avance} %)",
                estilos["Heading2"],
            )
        )
        datos = [cabecera]
        for act in componente.actividades:
            datos.append(
                [
                    act.numero,
                    parrafo(act.nombre, celda),
                    parrafo(act.meta, celda),
                    parrafo(act.indicador, celda),
                    parrafo(act.responsable_nombre, celda),
                    act.inicio.strftime("%d/%m/%Y"),
                    act.fin.strftime("%d/%m/%Y"),
                    f"{act.avance} %",
                    str(act.estado_texto),
                ]
            )
        tabla = tabla_pdf(
            datos,
            [
                1.1 * cm,
                5.2 * cm,
                5 * cm,
                3.6 * cm,
                3.4 * cm,
                1.9 * cm,
                1.9 * cm,
                1.4 * cm,
                1.9 * cm,
            ],
        )
        historia += [tabla, Spacer(1, 0.3 * cm)]
    doc.build(historia)
    return descarga(
        buffer.getvalue(), "application/pdf", f"plan-anticorrupcion-{plan.vigencia}.pdf"
    )


# --- statistics tables: {"columnas": [...], "filas": [[...], ...]} ---


def tabla_csv(nombre: str, tabla: dict) -> HttpResponse:
    return descarga(
        hojas.en_csv(tabla["columnas"], tabla["filas"]), hojas.TIPO_CSV, f"{slugify(nombre)}.csv"
    )


def tabla_json(nombre: str, tabla: dict, filtros: dict) -> HttpResponse:
    filas = [dict(zip(tabla["columnas"], fila, strict=True)) for fila in tabla["filas"]]
    cuerpo = json.dumps({"figura": nombre, "filtros": filtros, "datos": filas}, ensure_ascii=False)
    return descarga(cuerpo.encode("utf-8"), "application/json", f"{slugify(nombre)}.json")


def tabla_xlsx(nombre: str, tabla: dict) -> HttpResponse:
    return descarga(
        hojas.en_xlsx(slugify(nombre), tabla["columnas"], tabla["filas"]),
        hojas.TIPO_XLSX,
        f"{slugify(nombre)}.xlsx",
    )
