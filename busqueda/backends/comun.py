"""What both backends share: facet names and labels, fingerprints, document -> row."""

import hashlib
import json
from datetime import date, datetime

from django.core.cache import cache
from django.utils.dateparse import parse_date, parse_datetime

from documentos.models import Area, Escrito, Respuesta, Tema

from ..consulta import Consulta
from ..resultados import Fragmento, Resultado, ValorFaceta
from ..visibilidad import Alcance

# facet -> document field
FACETAS = {
    "tipo": "tipo",
    "tema": "tema_id",
    "area": "area_id",
    "estado": "estado",
    "clasificacion": "clasificacion",
    "canal": "canal",
    "sentido": "sentido",
    "anio": "recibido_en",
}


def filtros_de_campo(consulta: Consulta):
    """(document field, chosen values) for every facet filter the consulta sets."""
    for faceta, campo in FACETAS.items():
        if faceta != "anio" and (valores := getattr(consulta, faceta)):
            yield campo, list(valores)


ETIQUETAS = {
    "tipo": dict(Escrito.Tipo.choices),
    "estado": dict(Escrito.Estado.choices),
    "clasificacion": dict(Escrito.Clasificacion.choices),
    "canal": dict(Escrito.Canal.choices),
    "sentido": dict(Respuesta.Sentido.choices),
}


def _nombres(modelo, ids: set[int]) -> dict[int, str]:
    """Names of temas/áreas for facet labels, cached briefly (re-read when one is missing)."""
    if not ids:
        return {}
    clave = f"busqueda:nombres:{modelo._meta.label_lower}"
    nombres = cache.get(clave)
    if nombres is None or not ids <= nombres.keys():
        nombres = dict(modelo.objects.values_list("pk", "nombre"))
        cache.set(clave, nombres, 60)
    return nombres


def etiquetar_facetas(crudas: dict[str, list[tuple[str, int]]], consulta: Consulta):
    """Raw (value, count) pairs -> labelled ValorFaceta, most frequent first."""
    nombres = {
        "tema": _nombres(Tema, {int(v) for v, _ in crudas.get("tema", ())}),
        "area": _nombres(Area, {int(v) for v, _ in crudas.get("area", ())}),
    }
    facetas = {}
    for faceta, pares in crudas.items():
        activos = {str(v) for v in getattr(consulta, faceta, ()) or ()}
        valores = []
        for valor, cuenta in pares:
            if valor in ("", "None") or cuenta == 0:
                continue
            if faceta in nombres:
                etiqueta = nombres[faceta].get(int(valor), valor)
            elif faceta == "anio":
                etiqueta = valor
            else:
                etiqueta = str(ETIQUETAS[faceta].get(valor, valor))
            valores.append(ValorFaceta(valor, etiqueta, cuenta, valor in activos))
        valores.sort(key=lambda v: (-v.cuenta, v.etiqueta))
        facetas[faceta] = valores
    return facetas


def _fecha_hora(valor):
    if valor is None or isinstance(valor, datetime):
        return valor
    return parse_datetime(valor)


def _fecha(valor):
    if valor is None or isinstance(valor, date):
        return valor
    return parse_date(valor[:10])


def fila_resultado(fuente: dict, alcance: Alcance, fragmentos: list[Fragmento], puntuacion):
    return Resultado(
        escrito_id=fuente["escrito_id"],
        folio=fuente["folio"],
        tipo=fuente["tipo"],
        estado=fuente["estado"],
        clasificacion=fuente["clasificacion"],
        asunto=fuente["asunto"],
        tema=fuente["tema"],
        area=fuente["area"],
        recibido_en=_fecha_hora(fuente["recibido_en"]),
        vence_en=_fecha(fuente["vence_en"]),
        remitente=fuente.get("remitente") if alcance.ve_remitente else None,
        fragmentos=fragmentos,
        puntuacion=float(puntuacion),
    )


def firma(doc: dict) -> str:
    """Fingerprint of a search document (reconcile compares it with the index's copy)."""
    return hashlib.sha1(
        json.dumps(doc, sort_keys=True, default=str).encode(), usedforsecurity=False
    ).hexdigest()
