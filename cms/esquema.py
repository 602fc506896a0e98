"""drf-spectacular hooks for /api/esquema/: only Folio's own JSON endpoints (not the Wagtail
API or admin views), repeatable parameters spelled out as form-style exploded arrays, and no
ambiguous "or empty" alternatives for strings that already accept "" (a `oneOf` whose two
branches both match "" would make the empty string invalid)."""

import re

RUTAS = ("/api/estadisticas/", "/api/busqueda/", "/api/bitacora/")
VACIO = {"type": "string", "maxLength": 0}


def solo_folio(endpoints, **kwargs):
    return [e for e in endpoints if e[0].startswith(RUTAS)]


def _admite_vacio(esquema: dict) -> bool:
    patron = esquema.get("pattern")
    return (
        esquema.get("type") == "string"
        and "format" not in esquema
        and not esquema.get("minLength")
        and (patron is None or re.search(patron, "") is not None)
    )


def _sin_ambiguedad(esquema: dict) -> None:
    opciones = esquema.get("oneOf")
    if opciones and len(opciones) == 2 and opciones[1] == VACIO and _admite_vacio(opciones[0]):
        esquema.update(esquema.pop("oneOf")[0])


def ajustar_parametros(result, generator, request, public):
    for ruta in result.get("paths", {}).values():
        for operacion in ruta.values():
            for parametro in operacion.get("parameters", []):
                _sin_ambiguedad(parametro["schema"])
                if parametro["in"] == "query" and parametro["schema"].get("type") == "array":
                    parametro["style"], parametro["explode"] = "form", True
    return result
