"""Database backend search of the portal pages (their own FTS5 table or tsvector; few rows)."""

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db.models import F, Q
from django.db.models.expressions import RawSQL

from ...consulta import analizar, positivos
from ...models import PaginaPortalBusqueda
from ...resaltado import marcado, resaltar
from ...resultados import ResultadoPagina
from .esquema import FTS_PORTAL, sqlite
from .expresiones import compilar, fts, raices, tsquery


def _rango_portal(buenos):
    """Relevance of portal pages, as an annotation (few rows: a correlated subquery is fine)."""
    buenos = [b for b in buenos if raices(b)[0]]
    if not buenos:
        return None
    if sqlite():
        expresion = " OR ".join(f"({fts(b, ('titulo', 'texto'))})" for b in buenos)
        return RawSQL(  # noqa: S611 (constant table, bound parameter)
            f"SELECT -bm25({FTS_PORTAL}) FROM {FTS_PORTAL} WHERE {FTS_PORTAL} MATCH %s "  # noqa: S608
            "AND rowid = busqueda_paginaportalbusqueda.page_id",
            [expresion],
        )
    expresion = " | ".join(f"({tsquery(b)})" for b in buenos)
    return SearchRank(F("vector"), SearchQuery(expresion, search_type="raw", config="simple"))


def buscar_paginas(q: str, cuantos: int = 10) -> list[ResultadoPagina]:
    arbol = analizar(q)
    if arbol is None:
        return []
    buenos = positivos(arbol)
    qs = PaginaPortalBusqueda.objects.all()
    if sqlite():

        def atomo(nodo):
            if not raices(nodo)[0]:
                return Q()
            return Q(
                pk__in=RawSQL(  # noqa: S611 (constant table, bound parameter)
                    f"SELECT rowid FROM {FTS_PORTAL} WHERE {FTS_PORTAL} MATCH %s",  # noqa: S608
                    [fts(nodo, ("titulo", "texto"))],
                )
            )
    else:

        def atomo(nodo):
            if not raices(nodo)[0]:
                return Q()
            return Q(vector=SearchQuery(tsquery(nodo), search_type="raw", config="simple"))

    qs = qs.filter(compilar(arbol, atomo))
    rango = _rango_portal(buenos)
    if rango is not None:
        qs = qs.annotate(rango=rango).order_by(F("rango").desc(nulls_last=True), "titulo")
    resultados = []
    for fila in qs[:cuantos]:
        html = (
            resaltar(fila.texto, buenos)
            or resaltar(fila.titulo, buenos)
            or marcado(fila.texto[:160])
        )
        resultados.append(
            ResultadoPagina(
                fila.pk, fila.titulo, fila.url, fila.tipo, html, getattr(fila, "rango", 0) or 0
            )
        )
    return resultados
