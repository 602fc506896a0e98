"""OpenAPI description of the search endpoints (merged into /api/esquema/ by cms.openapi)."""

from documentos.models import Escrito, Respuesta

from .consulta import MAX_POR_PAGINA, ORDENES


def _lista(nombre, descripcion, valores=None, tipo="string"):
    items = {"type": tipo}
    if valores:
        items["enum"] = list(valores)
    return {
        "name": nombre,
        "in": "query",
        "required": False,
        "description": descripcion + " Puede repetirse.",
        "schema": {"type": "array", "items": items},
        "style": "form",
        "explode": True,
    }


def _fecha(nombre, descripcion):
    return {
        "name": nombre,
        "in": "query",
        "required": False,
        "description": descripcion + " (AAAA-MM-DD).",
        "schema": {"type": "string", "format": "date"},
    }


PARAMETROS = [
    {
        "name": "q",
        "in": "query",
        "required": False,
        "description": (
            'Texto. Palabras (todas deben aparecer), "frases entre comillas", OR, AND, NOT o '
            "un guion delante para excluir, * al final para prefijos y paréntesis. Sin "
            "acentos ni mayúsculas importan; singular y plural se encuentran. Cualquier otra "
            "sintaxis (campo:valor) es texto normal."
        ),
        "schema": {"type": "string", "maxLength": 500},
    },
    _lista("tipo", "Tipo de escrito.", Escrito.Tipo.values),
    _lista("tema", "Identificador del tema.", tipo="integer"),
    _lista("area", "Identificador del área responsable.", tipo="integer"),
    _lista("estado", "Estado.", Escrito.Estado.values),
    _lista(
        "clasificacion",
        "Clasificación (la búsqueda pública solo contiene escritos públicos).",
        Escrito.Clasificacion.values,
    ),
    _lista("canal", "Canal de recepción.", Escrito.Canal.values),
    _lista("sentido", "Sentido de la respuesta.", Respuesta.Sentido.values),
    _fecha("recibido_desde", "Recibido desde"),
    _fecha("recibido_hasta", "Recibido hasta, incluido"),
    _fecha("vence_desde", "Fecha límite desde"),
    _fecha("vence_hasta", "Fecha límite hasta, incluida"),
    {
        "name": "orden",
        "in": "query",
        "required": False,
        "schema": {"type": "string", "enum": list(ORDENES), "default": "relevancia"},
    },
    {
        "name": "pagina",
        "in": "query",
        "required": False,
        "description": "Página de resultados; se pueden recorrer los primeros 100 000.",
        "schema": {"type": "integer", "minimum": 1, "default": 1},
    },
    {
        "name": "por_pagina",
        "in": "query",
        "required": False,
        "schema": {"type": "integer", "minimum": 1, "maximum": MAX_POR_PAGINA, "default": 20},
    },
]

_FRAGMENTO = {
    "type": "object",
    "properties": {
        "html": {
            "type": "string",
            "description": "Texto escapado; solo <mark> marca lo que coincide.",
        },
        "archivo_id": {"type": ["integer", "null"]},
        "pagina": {"type": ["integer", "null"], "description": "Página dentro del archivo."},
        "pagina_global": {
            "type": ["integer", "null"],
            "description": "Página contada en todos los archivos del escrito.",
        },
    },
    "required": ["html", "archivo_id", "pagina", "pagina_global"],
}

_RESULTADO = {
    "type": "object",
    "properties": {
        "id": {"type": "integer"},
        "folio": {"type": "string"},
        "tipo": {"type": "string"},
        "estado": {"type": "string"},
        "clasificacion": {"type": "string"},
        "asunto": {"type": "string"},
        "tema": {"type": "string"},
        "area": {"type": "string"},
        "recibido_en": {"type": ["string", "null"], "format": "date-time"},
        "vence_en": {"type": ["string", "null"], "format": "date"},
        "puntuacion": {"type": "number"},
        "fragmentos": {"type": "array", "items": _FRAGMENTO},
    },
    "required": ["id", "folio", "tipo", "estado", "asunto", "fragmentos"],
}

_RESULTADO_INTERNO = {
    "allOf": [
        _RESULTADO,
        {
            "type": "object",
            "properties": {
                "remitente": {"type": "string"},
                "url": {
                    "type": "string",
                    "description": "Página del escrito en la administración.",
                },
            },
        },
    ]
}


def _respuesta(resultado):
    return {
        "type": "object",
        "properties": {
            "total": {"type": "integer"},
            "pagina": {"type": "integer"},
            "por_pagina": {"type": "integer"},
            "paginas": {"type": "integer"},
            "motor": {"type": "string", "enum": ["elasticsearch", "base_de_datos"]},
            "resultados": {"type": "array", "items": resultado},
            "facetas": {
                "type": "object",
                "description": "Cuentas por valor de cada filtro (tipo, tema, area, estado, "
                "clasificacion, canal, sentido, anio) para la búsqueda actual.",
                "additionalProperties": {
                    "type": "array",
                    "items": {
                        "type": "object",
                        "properties": {
                            "valor": {"type": "string"},
                            "etiqueta": {"type": "string"},
                            "cuenta": {"type": "integer"},
                            "activo": {"type": "boolean"},
                        },
                    },
                },
            },
        },
        "required": ["total", "pagina", "resultados", "facetas"],
    }


_ERRORES = {
    "400": {
        "description": "Parámetros inválidos; nada se buscó.",
        "content": {
            "application/json": {
                "example": {
                    "errores": {"recibido_hasta": ["La fecha final es anterior a la inicial."]}
                }
            }
        },
    },
    "503": {"description": "El motor de búsqueda no respondió."},
}

_ID = {"name": "escrito_id", "in": "path", "required": True, "schema": {"type": "integer"}}


def _similares(resultado, operacion, resumen):
    return {
        "get": {
            "summary": resumen,
            "operationId": operacion,
            "parameters": [_ID],
            "responses": {
                "200": {
                    "description": "Hasta cinco escritos parecidos.",
                    "content": {
                        "application/json": {
                            "schema": {
                                "type": "object",
                                "properties": {"resultados": {"type": "array", "items": resultado}},
                            }
                        }
                    },
                },
                "503": _ERRORES["503"],
            },
        }
    }


def rutas() -> dict:
    return {
        "/api/busqueda/": {
            "get": {
                "summary": "Buscar en el archivo público",
                "description": "Solo escritos públicos y publicados; nunca datos del remitente.",
                "operationId": "busqueda",
                "parameters": PARAMETROS,
                "responses": {
                    "200": {
                        "description": "Resultados, facetas y fragmentos resaltados.",
                        "content": {"application/json": {"schema": _respuesta(_RESULTADO)}},
                    },
                    **_ERRORES,
                },
            }
        },
        "/api/busqueda/{escrito_id}/similares/": _similares(
            _RESULTADO, "busqueda_similares", "Escritos públicos parecidos («más como este»)"
        ),
        "/api/busqueda/paginas/": {
            "get": {
                "summary": "Buscar en las páginas publicadas del portal",
                "operationId": "busqueda_paginas",
                "parameters": [PARAMETROS[0]],
                "responses": {
                    "200": {
                        "description": "Hasta diez páginas (trámites, plan, transparencia…).",
                        "content": {
                            "application/json": {
                                "schema": {
                                    "type": "object",
                                    "properties": {
                                        "resultados": {
                                            "type": "array",
                                            "items": {
                                                "type": "object",
                                                "properties": {
                                                    "id": {"type": "integer"},
                                                    "titulo": {"type": "string"},
                                                    "url": {"type": "string"},
                                                    "tipo": {"type": "string"},
                                                    "html": {"type": "string"},
                                                },
                                            },
                                        }
                                    },
                                }
                            }
                        },
                    },
                    "503": _ERRORES["503"],
                },
            }
        },
        "/api/busqueda/interna/": {
            "get": {
                "summary": "Búsqueda del personal (sesión iniciada)",
                "description": (
                    "Lo que las reglas de visibilidad permiten a quien consulta: el archivo ve "
                    "todo; el personal de un área, lo de sus áreas. Incluye el remitente."
                ),
                "operationId": "busqueda_interna",
                "security": [{"sesion": []}],
                "parameters": PARAMETROS,
                "responses": {
                    "200": {
                        "description": "Resultados, facetas y fragmentos resaltados.",
                        "content": {"application/json": {"schema": _respuesta(_RESULTADO_INTERNO)}},
                    },
                    "403": {"description": "Sin sesión o sin permiso."},
                    **_ERRORES,
                },
            }
        },
        "/api/busqueda/interna/{escrito_id}/similares/": _similares(
            _RESULTADO_INTERNO, "busqueda_interna_similares", "Escritos parecidos (personal)"
        ),
    }


COMPONENTES = {
    "securitySchemes": {"sesion": {"type": "apiKey", "in": "cookie", "name": "sessionid"}}
}
