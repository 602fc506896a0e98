"""Hand-written OpenAPI 3.1 description of the portal's public JSON endpoints."""

FIGURAS = [
    "resumen",
    "por-dia",
    "por-mes",
    "comparativo-anual",
    "meses-con-mas-solicitudes",
    "areas",
    "temas",
    "sexo",
    "tiempo-de-respuesta",
    "sentido-de-la-respuesta",
    "respuesta-en-plazo",
]

_PARAMETROS = [
    {
        "name": "desde",
        "in": "query",
        "required": False,
        "description": "Primer día del periodo (AAAA-MM-DD). Por defecto, el primer día de hace 11 meses.",
        "schema": {"type": "string", "format": "date"},
    },
    {
        "name": "hasta",
        "in": "query",
        "required": False,
        "description": "Último día del periodo (AAAA-MM-DD), incluido. Por defecto, hoy. Máximo cinco años de periodo.",
        "schema": {"type": "string", "format": "date"},
    },
    {
        "name": "area",
        "in": "query",
        "required": False,
        "description": "Identificador del área responsable (ver /api/v2/pages/ o el catálogo).",
        "schema": {"type": "integer"},
    },
]

_FILTROS = {
    "type": "object",
    "properties": {
        "desde": {"type": "string", "format": "date"},
        "hasta": {"type": "string", "format": "date"},
        "area_id": {"type": ["integer", "null"]},
    },
    "required": ["desde", "hasta", "area_id"],
}

_FIGURA = {
    "type": "object",
    "properties": {
        "figura": {"type": "string", "enum": FIGURAS},
        "titulo": {"type": "string"},
        "descripcion": {"type": "string"},
        "columnas": {"type": "array", "items": {"type": "string"}},
        "datos": {
            "type": "array",
            "description": "Una fila por elemento; las llaves son las columnas.",
            "items": {"type": "object", "additionalProperties": True},
        },
    },
    "required": ["figura", "titulo", "columnas", "datos"],
}

_ERROR = {
    "description": "Filtros inválidos; nada se calculó.",
    "content": {
        "application/json": {
            "schema": {
                "type": "object",
                "properties": {
                    "errores": {
                        "type": "object",
                        "additionalProperties": {"type": "array", "items": {"type": "string"}},
                    }
                },
            },
            "example": {
                "errores": {"__all__": ["La fecha «desde» debe ser anterior o igual a «hasta»."]}
            },
        }
    },
}


def esquema(request=None) -> dict:
    from busqueda import openapi as busqueda_openapi

    servidor = request.build_absolute_uri("/")[:-1] if request is not None else ""
    documento = _estadisticas(servidor)
    documento["paths"].update(busqueda_openapi.rutas())
    documento["components"] = busqueda_openapi.COMPONENTES
    documento["info"]["description"] += (
        " La búsqueda en el archivo público y en las páginas está en /api/busqueda/."
    )
    return documento


def _estadisticas(servidor: str) -> dict:
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Folio: datos abiertos del portal",
            "version": "1",
            "description": (
                "Estadísticas en tiempo real de los escritos recibidos por la Oficialía de "
                "Partes. Solo cifras agregadas: nunca nombres, folios ni contenido de los "
                "escritos. Las respuestas se guardan en caché unos segundos "
                "(cabecera Cache-Control). Las páginas, imágenes y documentos del portal "
                "están en la API de Wagtail en /api/v2/."
            ),
            "license": {"name": "Datos abiertos"},
        },
        "servers": [{"url": servidor or "/"}],
        "paths": {
            "/api/estadisticas/": {
                "get": {
                    "summary": "Todas las figuras estadísticas del periodo",
                    "operationId": "estadisticas",
                    "parameters": _PARAMETROS,
                    "responses": {
                        "200": {
                            "description": "Figuras del periodo y área elegidos.",
                            "content": {
                                "application/json": {
                                    "schema": {
                                        "type": "object",
                                        "properties": {
                                            "filtros": _FILTROS,
                                            "generado_en": {
                                                "type": "string",
                                                "format": "date-time",
                                            },
                                            "figuras": {"type": "array", "items": _FIGURA},
                                        },
                                    }
                                }
                            },
                        },
                        "400": _ERROR,
                    },
                }
            },
            "/api/estadisticas/{figura}/": {
                "get": {
                    "summary": "Una figura estadística",
                    "operationId": "estadistica",
                    "parameters": [
                        {
                            "name": "figura",
                            "in": "path",
                            "required": True,
                            "schema": {"type": "string", "enum": FIGURAS},
                        },
                        *_PARAMETROS,
                    ],
                    "responses": {
                        "200": {
                            "description": "La figura pedida.",
                            "content": {
                                "application/json": {
                                    "schema": {
                                        "allOf": [
                                            _FIGURA,
                                            {"type": "object", "properties": {"filtros": _FILTROS}},
                                        ]
                                    }
                                }
                            },
                        },
                        "400": _ERROR,
                        "404": {"description": "No existe esa figura."},
                    },
                }
            },
        },
    }
