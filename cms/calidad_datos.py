"""The published quality results as open data (tables, API dicts) and their public reports."""

import io

from django.http import FileResponse, Http404
from django.utils.text import slugify

CAMPOS_ACCION = (
    "actividad",
    "responsable",
    "inicio",
    "fin",
    "avance_porcentaje",
    "estado",
    "indicador",
    "unidad",
    "antes",
    "despues",
    "meta",
    "meta_alcanzada",
)


def _accion(a) -> dict:
    return {
        "actividad": a.nombre,
        "responsable": a.responsable,
        "inicio": a.inicio.isoformat(),
        "fin": a.fin.isoformat(),
        "avance_porcentaje": a.avance,
        "estado": a.estado_texto,
        "indicador": a.indicador,
        "unidad": a.unidad,
        "antes": a.antes,
        "despues": a.despues,
        "meta": a.meta,
        "meta_alcanzada": a.meta_alcanzada,
    }


def como_dict(ficha) -> dict:
    e = ficha.evaluacion
    return {
        "id": e.pk,
        "servicio": e.nombre,
        "area": e.area.nombre,
        "periodo_desde": e.periodo_desde.isoformat(),
        "periodo_hasta": e.periodo_hasta.isoformat(),
        "modelo": e.modelo.nombre,
        "estado": e.get_estado_display(),
        "aprobada_en": e.aprobada_en.date().isoformat() if e.aprobada_en else None,
        "avance_mejora_porcentaje": ficha.avance,
        "componentes": [
            {"numero": c.numero, "componente": c.nombre, "porcentaje": c.porcentaje}
            for c in ficha.componentes
        ],
        "oportunidades": [
            {
                "oportunidad": o.descripcion,
                "causa": o.causa,
                "prioridad": o.prioridad,
                "componente": o.componente,
                "acciones": [_accion(a) for a in o.acciones],
            }
            for o in ficha.oportunidades
        ],
        "conclusiones": e.conclusiones,
        "lecciones_aprendidas": e.lecciones_aprendidas,
    }


def tabla_de(tabla: str, fichas) -> dict:
    """One open-data table ({"columnas", "filas"}) of the published evaluations."""
    filas = []
    if tabla == "evaluaciones":
        columnas = [
            "id",
            "servicio",
            "area",
            "periodo_desde",
            "periodo_hasta",
            "modelo",
            "estado",
            "aprobada_en",
            "avance_mejora_porcentaje",
        ]
        filas = [[datos[c] for c in columnas] for datos in map(como_dict, fichas)]
    elif tabla == "componentes":
        columnas = ["evaluacion_id", "servicio", "numero", "componente", "porcentaje"]
        for f in fichas:
            for c in f.componentes:
                filas.append(
                    [f.evaluacion.pk, f.evaluacion.nombre, c.numero, c.nombre, c.porcentaje]
                )
    elif tabla == "oportunidades":
        columnas = ["evaluacion_id", "servicio", "componente", "oportunidad", "causa", "prioridad"]
        for f in fichas:
            for o in f.oportunidades:
                filas.append(
                    [
                        f.evaluacion.pk,
                        f.evaluacion.nombre,
                        o.componente,
                        o.descripcion,
                        o.causa,
                        o.prioridad,
                    ]
                )
    else:
        columnas = ["evaluacion_id", "servicio", "oportunidad", *CAMPOS_ACCION]
        for f in fichas:
            for o in f.oportunidades:
                for a in o.acciones:
                    datos = _accion(a)
                    filas.append(
                        [f.evaluacion.pk, f.evaluacion.nombre, o.descripcion]
                        + [datos[c] for c in CAMPOS_ACCION]
                    )
    return {"columnas": columnas, "filas": filas}


def informe_publico(evaluacion, cual: str):
    """The approved (frozen) informe de evaluación, or the informe de mejora as of today."""
    nombre = slugify(evaluacion.nombre)[:60]
    if cual == "evaluacion":
        if not evaluacion.informe:
            raise Http404
        return FileResponse(
            evaluacion.informe.open("rb"),
            as_attachment=True,
            filename=f"informe-de-evaluacion-{nombre}.pdf",
            content_type="application/pdf",
        )
    from atencion.calidad import selectors_mejora
    from atencion.calidad.informe_mejora import pdf_informe

    return FileResponse(
        io.BytesIO(pdf_informe(selectors_mejora.informe(evaluacion))),
        as_attachment=True,
        filename=f"informe-de-mejora-{nombre}.pdf",
        content_type="application/pdf",
    )
