"""Search results as JSON-ready dicts (the public never gets a remitente key)."""

from functools import lru_cache

from django.urls import reverse

from .resultados import Resultado, ResultadoPagina, Resultados


@lru_cache(maxsize=1)
def _plantilla_escrito() -> str:
    return reverse("documentos_admin:escrito", args=[987654321]).replace("987654321", "{}")


def url_escaneo(escrito_id: int, fragmento=None) -> str:
    """The escrito's admin page, its viewer opened at the matched page when there is one."""
    url = _plantilla_escrito().format(escrito_id)
    if fragmento is not None and fragmento.archivo_id:
        url += f"?archivo={fragmento.archivo_id}&pagina={fragmento.pagina}#visor"
    return url


def resultado(r: Resultado, *, staff: bool) -> dict:
    datos = {
        "id": r.escrito_id,
        "folio": r.folio,
        "tipo": r.tipo,
        "estado": r.estado,
        "clasificacion": r.clasificacion,
        "asunto": r.asunto,
        "tema": r.tema,
        "area": r.area,
        "recibido_en": r.recibido_en.isoformat() if r.recibido_en else None,
        "vence_en": r.vence_en.isoformat() if r.vence_en else None,
        "puntuacion": r.puntuacion,
        "fragmentos": [
            {
                "html": f.html,
                "archivo_id": f.archivo_id,
                "pagina": f.pagina,
                "pagina_global": f.pagina_global,
                **({"url": url_escaneo(r.escrito_id, f)} if staff and f.archivo_id else {}),
            }
            for f in r.fragmentos
        ],
    }
    if staff:
        datos["remitente"] = r.remitente
        datos["url"] = url_escaneo(r.escrito_id)
    return datos


def resultados(rs: Resultados, *, staff: bool) -> dict:
    return {
        "total": rs.total,
        "pagina": rs.pagina,
        "por_pagina": rs.por_pagina,
        "paginas": rs.paginas,
        "motor": rs.motor,
        "resultados": [resultado(r, staff=staff) for r in rs.resultados],
        "facetas": {
            nombre: [
                {"valor": v.valor, "etiqueta": v.etiqueta, "cuenta": v.cuenta, "activo": v.activo}
                for v in valores
            ]
            for nombre, valores in rs.facetas.items()
        },
    }


def pagina(p: ResultadoPagina) -> dict:
    return {"id": p.page_id, "titulo": p.titulo, "url": p.url, "tipo": p.tipo, "html": p.fragmento}
