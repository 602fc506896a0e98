"""Schemathesis hooks: the cross-parameter rules of /api/esquema/ that OpenAPI cannot express
(each parameter's schema stands alone), as the operations' descriptions state them.

A positive (schema-valid) case that breaks one of them is dropped: the server rightly answers
400 to it, and the unit tests check those messages. Negative cases are all sent.
"""

import datetime as dt

import schemathesis

MAX_RESULTADOS = 100_000
MAX_MESES = 60


def _mes(valor) -> int | None:
    texto = str(valor).strip()
    return int(texto[:4]) * 12 + int(texto[5:7]) - 1 if len(texto) == 7 else None


def _fecha(valor) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(valor))
    except ValueError:
        return None


def _entero(valor, por_defecto: int) -> int:
    return valor if isinstance(valor, int) else por_defecto


def _busqueda_valida(query: dict) -> bool:
    for desde, hasta in (("recibido_desde", "recibido_hasta"), ("vence_desde", "vence_hasta")):
        inicio, fin = _fecha(query.get(desde)), _fecha(query.get(hasta))
        if inicio and fin and inicio > fin:
            return False
    pagina, por_pagina = _entero(query.get("pagina"), 1), _entero(query.get("por_pagina"), 20)
    return pagina * por_pagina <= MAX_RESULTADOS


def _periodo_valido(query: dict) -> bool:
    # The server's "current month" is in its TIME_ZONE: a day of margin either way.
    ayer = dt.datetime.now(dt.UTC).date() - dt.timedelta(days=1)
    actual = ayer.year * 12 + ayer.month - 1
    hasta = _mes(query["hasta"]) if "hasta" in query else actual
    if hasta is None:
        return True
    desde = _mes(query["desde"]) if "desde" in query else hasta - 11
    if desde is None:
        return True
    return hasta <= actual and desde <= hasta and hasta - desde < MAX_MESES


@schemathesis.hook
def filter_case(context, case):
    if case.meta is not None and not case.meta.generation.mode.is_positive:
        return True
    query = case.query or {}
    if not isinstance(query, dict):
        return True
    if case.operation.path in ("/api/busqueda/", "/api/busqueda/interna/"):
        return _busqueda_valida(query)
    if case.operation.path.startswith("/api/estadisticas/"):
        return _periodo_valido(query)
    return True
