"""Database backend reads: the matching set, its facets, total and one page, all in SQL.

Nothing on the request path holds the list of matching rows in Python: the total is a
COUNT, each facet a GROUP BY over the matching set, and the page an ORDER BY ... LIMIT
OFFSET (a top-N sort, or an index walk when sorting by date: deep pages cost
O(matches · log(page end)), like a keyset cursor would without its own parameter).

SQLite: the whole boolean tree becomes one FTS5 MATCH expression when FTS5 can say it (a
positive part in every AND, no negated OR branch), so FTS5 reads each term's doclist once;
relevance is bm25() of that very MATCH, joined to the rows and cut by LIMIT, and only when
sorting by relevance. PostgreSQL: the tree becomes one tsquery (the GIN index answers
it) and relevance is ts_rank, again only when sorting by relevance.
"""

from collections import Counter
from datetime import date, datetime, time, timedelta

from django.conf import settings
from django.contrib.postgres.search import SearchRank
from django.core.exceptions import EmptyResultSet, FullResultSet
from django.db import connection
from django.db.models import F, Q
from django.utils import timezone

from ... import correccion
from ...consulta import Alguno, Consulta
from ...models import AccesoBusqueda
from ...resultados import Resultado, Resultados
from ...texto import terminos
from ...visibilidad import Alcance
from ..comun import FACETAS, etiquetar_facetas, filtros_de_campo
from . import vocabulario
from .esquema import Almacen, almacen_de, sqlite
from .expresiones import Raiz, Texto, compilar_texto
from .resultados import a_resultados

ORDENES = {
    "recientes": (F("recibido_en").desc(), F("pk").desc()),
    "antiguos": (F("recibido_en").asc(), F("pk").asc()),
    "vencimiento": (F("vence_en").asc(nulls_last=True), F("pk").asc()),
}


def accesos(alcance: Alcance):
    """The ids a staff scope sees (the documents whose AccesoBusqueda rows name one of
    their áreas or themselves) as a values queryset; None when the scope sees its whole
    store (the public one holds only public escritos)."""
    if alcance.publico or alcance.todo:
        return None
    if not alcance.areas and not alcance.usuario_id:
        return AccesoBusqueda.objects.none().values("documento_id")
    quien = Q(area_id__in=alcance.areas) if alcance.areas else Q(pk__in=[])
    if alcance.usuario_id:
        quien |= Q(usuario_id=alcance.usuario_id)
    return AccesoBusqueda.objects.filter(quien).values("documento_id")


def filtro_alcance(alcance: Alcance) -> Q:
    """Within the scope's store: the whole store, or the ids of `accesos`."""
    ids = accesos(alcance)
    return Q() if ids is None else Q(pk__in=ids)


def _dia(dia, despues: bool = False) -> datetime:
    """The first instant of `dia` (or of the next day) in the current time zone."""
    return timezone.make_aware(datetime.combine(dia + timedelta(days=despues), time.min))


def _filtros(consulta: Consulta) -> Q:
    q = Q()
    for nombre, valores in filtros_de_campo(consulta):
        q &= Q(**{f"{nombre}__in": valores})
    # bounds as instants (not a date of the column), so the recibido_en index answers them
    if consulta.recibido_desde:
        q &= Q(recibido_en__gte=_dia(consulta.recibido_desde))
    if consulta.recibido_hasta and consulta.recibido_hasta < date.max:
        q &= Q(recibido_en__lt=_dia(consulta.recibido_hasta, despues=True))
    if consulta.vence_desde:
        q &= Q(vence_en__gte=consulta.vence_desde)
    if consulta.vence_hasta:
        q &= Q(vence_en__lte=consulta.vence_hasta)
    return q


def _base(consulta: Consulta, alcance: Alcance):
    almacen = almacen_de(alcance)
    return almacen.modelo.objects.filter(filtro_alcance(alcance)).filter(_filtros(consulta))


def umbral() -> int:
    """How many matches are counted at most (settings.BUSQUEDA_UMBRAL_CUENTA)."""
    return settings.BUSQUEDA_UMBRAL_CUENTA


def _coincidencias_fts(base, almacen: Almacen, expresion: str, campos, tope: int):
    """The matching set's columns read from the MATCH joined to the rows: FTS5 yields its
    ids lazily, so the LIMIT stops it (an IN list would first hold every matching id).
    CROSS JOIN keeps FTS5 outside: driven from an index of the rows, SQLite would run one
    MATCH per row (seconds at 100k)."""
    tabla = almacen.modelo._meta.db_table
    where, params = _where(base)
    columnas = ", ".join(f'"{tabla}"."{almacen.modelo._meta.get_field(c).column}"' for c in campos)
    sql = (
        f'SELECT {columnas} FROM {almacen.fts} CROSS JOIN "{tabla}" '  # noqa: S608
        f'ON "{tabla}"."escrito_id" = {almacen.fts}.rowid '
        f"WHERE {almacen.fts} MATCH %s {where} LIMIT {int(tope) + 1}"
    )
    return sql, [expresion, *params]


def _campos_faceta() -> list[str]:
    return ["anio" if f == "anio" else c for f, c in FACETAS.items()]


def _agrupar(columnas: int, desde: int = 0, extra: str = "") -> str:
    """The statement over the CTE `m` whose columns c{desde}... are the facet fields: one
    row (-1, NULL, total) and one (index, value, count) per facet value (then `extra`).
    PostgreSQL groups every facet in one pass (GROUPING SETS: one hash table each);
    SQLite, which has no grouping sets, one GROUP BY per facet."""
    nombres = [f"c{i + desde}" for i in range(columnas)]
    if sqlite():
        return " UNION ALL ".join(
            [f"SELECT -1, NULL, COUNT(*){extra} FROM m"]  # noqa: S608
            + [
                f"SELECT {i}, CAST({c} AS TEXT), COUNT(*){extra} FROM m "  # noqa: S608
                f"WHERE {c} IS NOT NULL GROUP BY {c}"
                for i, c in enumerate(nombres)
            ]
        )
    todos = (1 << columnas) - 1  # GROUPING(): bit set for each column not grouped
    solo = [todos - (1 << (columnas - 1 - i)) for i in range(columnas)]
    grupo = f"GROUPING({', '.join(nombres)})"
    indice = " ".join(f"WHEN {g} THEN {i}" for i, g in enumerate(solo))
    valor = " ".join(f"WHEN {g} THEN CAST({c} AS TEXT)" for g, c in zip(solo, nombres, strict=True))
    conjuntos = ", ".join(["()"] + [f"({c})" for c in nombres])
    return (
        f"SELECT CASE {grupo} {indice} ELSE -1 END, CASE {grupo} {valor} END, "  # noqa: S608
        f"COUNT(*){extra} FROM m GROUP BY GROUPING SETS ({conjuntos})"
    )


def _facetas_de(filas, consulta: Consulta) -> tuple[int, dict]:
    """(total, labelled facets) from the rows of `_agrupar`."""
    nombres = list(FACETAS)
    crudas = {f: [] for f in FACETAS}
    total = 0
    for indice, valor, cuenta in filas:
        if indice < 0:
            total = cuenta
        elif valor is not None and valor != "":
            crudas[nombres[indice]].append((valor, cuenta))
    return total, etiquetar_facetas(crudas, consulta)


def total_y_facetas(qs, consulta: Consulta, fts=None) -> tuple[int, dict, bool]:
    """The COUNT and one GROUP BY per facet in one statement: the matching set is computed
    once (a MATERIALIZED CTE) and each facet groups it; the year comes from the `anio`
    column, filled at indexing in settings.TIME_ZONE. Memory is that of the groups.

    Counting stops at `umbral()` matches (a LIMIT in the CTE): past it the total is that
    minimum, flagged (True) and shown as «más de N», and each facet count is that of the
    first N matches, so a lower bound of the real one. `fts`: (base, store, expression)
    when one MATCH is the whole text tree (SQLite), read by `_coincidencias_fts`."""
    tope = umbral()
    if not consulta.facetas:
        total = qs[: tope + 1].count()
        return min(total, tope), {}, total > tope
    campos = _campos_faceta()
    try:
        if fts is not None:
            sql, params = _coincidencias_fts(*fts, campos, tope)
        else:
            sql, params = qs.order_by().values_list(*campos)[: tope + 1].query.sql_with_params()
    except EmptyResultSet:
        return 0, etiquetar_facetas(dict.fromkeys(FACETAS, ()), consulta), False
    columnas = ", ".join(f"c{i}" for i in range(len(campos)))
    with connection.cursor() as cursor:
        cursor.execute(
            f"WITH m({columnas}) AS MATERIALIZED ({sql}) " + _agrupar(len(campos)),
            params,
        )
        total, facetas = _facetas_de(cursor.fetchall(), consulta)
    return min(total, tope), facetas, total > tope


def en_una_pasada(consulta: Consulta) -> bool:
    """Whether `una_pasada` can answer: PostgreSQL, facets asked for, sorted by relevance
    or newest first, and the page within the newest `umbral()` matches."""
    return (
        not sqlite()
        and consulta.facetas
        and consulta.orden in ("relevancia", "recientes")
        and consulta.desde + consulta.por_pagina <= umbral()
    )


def una_pasada(qs, consulta: Consulta, texto: Texto):
    """(total, facets, aproximado, page) from one statement on PostgreSQL: the newest
    `umbral()` + 1 matches are read once (a MATERIALIZED CTE, with their ts_rank when
    sorting by relevance), and the total, every facet and the page are taken from them.
    Reading the matching rows is most of a query's cost (a bitmap heap scan visits one
    page per match): two statements read them twice. Past the threshold the facet counts
    are those of the newest N + 1 matches, and relevance ranks among the newest N, as
    `_pagina_ts_rank_recientes` does. Facets are grouped in one pass (`_agrupar`)."""
    tope = umbral()
    campos = _campos_faceta()
    rangos = []
    if consulta.orden == "relevancia" and texto.rango is not None:
        rangos = [texto.rango] + ([texto.amplio] if texto.amplio is not None else [])
    anotado = qs.annotate(**{f"r{i}": SearchRank(F("vector"), r) for i, r in enumerate(rangos)})
    recientes = anotado.order_by(*ORDENES["recientes"]).values_list(
        "pk", "recibido_en", *campos, *(f"r{i}" for i in range(len(rangos)))
    )
    try:
        sql, params = recientes[: tope + 1].query.sql_with_params()
    except EmptyResultSet:
        return 0, etiquetar_facetas(dict.fromkeys(FACETAS, ()), consulta), False, []
    desde = 2
    nombres = [
        "pk",
        "recibido_en",
        *(f"c{i + desde}" for i in range(len(campos))),
        *(f"r{i}" for i in range(len(rangos))),
    ]
    orden = "".join(f"r{i} DESC, " for i in range(len(rangos))) + "recibido_en DESC, pk DESC"
    valor = "r0" if rangos else "0"
    pagina = (
        f"SELECT -2, CAST(pk AS TEXT), ROW_NUMBER() OVER (ORDER BY {orden}), "  # noqa: S608
        f"CAST({valor} AS REAL) FROM "
        f"(SELECT * FROM (SELECT pk, recibido_en{''.join(f', r{i}' for i in range(len(rangos)))} "
        f"FROM m ORDER BY recibido_en DESC, pk DESC LIMIT {int(tope)}) n "
        f"ORDER BY {orden} LIMIT %s OFFSET %s) p"
    )
    partes = [_agrupar(len(campos), desde, extra=", CAST(NULL AS REAL)"), pagina]
    with connection.cursor() as cursor:
        cursor.execute(
            f"WITH m({', '.join(nombres)}) AS MATERIALIZED ({sql}) " + " UNION ALL ".join(partes),
            [*params, consulta.por_pagina, consulta.desde],
        )
        filas = cursor.fetchall()
    de_pagina = sorted((f for f in filas if f[0] == -2), key=lambda f: f[2])
    total, facetas = _facetas_de((f[:3] for f in filas if f[0] != -2), consulta)
    return min(total, tope), facetas, total > tope, [(int(f[1]), f[3] or 0.0) for f in de_pagina]


def _where(qs) -> tuple[str, list]:
    """The WHERE of a queryset (columns qualified by the table name), for raw joins."""
    compilador = qs.query.get_compiler(using=qs.db)
    try:
        sql, params = compilador.compile(qs.query.where)
    except FullResultSet:
        return "", []
    return (f"AND ({sql})" if sql else ""), list(params)


def _rango_fts(almacen: Almacen, alias: str, tope: int | None = None) -> str:
    """(id, r): the rows of one MATCH and their bm25 (principal weighs 4; lower is better);
    with `tope`, only the newest `tope` ids (FTS5 reads its doclists backwards)."""
    pesos = ", ".join(["4.0"] + ["1.0"] * (len(almacen.columnas) - 1))
    corte = f" ORDER BY rowid DESC LIMIT {int(tope)}" if tope else ""
    return (
        f"(SELECT rowid AS id, bm25({almacen.fts}, {pesos}) AS r "  # noqa: S608
        f"FROM {almacen.fts} WHERE {almacen.fts} MATCH %s{corte}) {alias}"
    )


def _pagina_bm25(qs, almacen: Almacen, texto: Texto, desde: int, cuantos: int, tope=None):
    """(id, relevance) of one page sorted by bm25: the MATCH joined to the rows. When the
    text is the whole tree (`exacta`) an inner join on it replaces the filter; otherwise
    `qs` decides what matches and the positive atoms rank. Rows that match the exact stems
    come first; those matched only through close words next; ties: the newest id first.
    Without filters nor scope (`qs` has no WHERE) the FTS5 table alone answers: no row
    is read for the matches (every FTS5 row has its row: they are written together). A
    staff scope joins the rows: `m.id IN (AccesoBusqueda ...)` lets SQLite drive from the
    access rows and run one MATCH per id (minutes at 100k).
    Past the threshold (`tope`) only the newest `tope` matches are ranked, as on PostgreSQL
    (the exact stems' newest `tope` hold every exact match among them)."""
    tabla = almacen.modelo._meta.db_table
    try:
        where, params = _where(qs)
    except EmptyResultSet:
        return []
    if texto.exacta and texto.amplio:
        expresiones = [texto.amplio, texto.rango]
        fuente = (
            f"{_rango_fts(almacen, 'a', tope)} LEFT JOIN {_rango_fts(almacen, 'm', tope)} "
            "ON m.id = a.id"
        )
        clave, orden, valor = "a.id", "m.r IS NULL, m.r, a.r", "-COALESCE(m.r, a.r)"
    elif texto.exacta:
        expresiones, fuente = [texto.rango], _rango_fts(almacen, "m", tope)
        clave, orden, valor = "m.id", "m.r", "-m.r"
    else:
        expresiones = [texto.rango]
        fuente = f"{tabla} LEFT JOIN {_rango_fts(almacen, 'm')} ON m.id = {tabla}.escrito_id"
        clave, orden, valor = f"{tabla}.escrito_id", "m.r IS NULL, m.r", "-m.r"
    if texto.exacta and where:
        fuente += f" JOIN {tabla} ON {tabla}.escrito_id = {clave}"
    sql = (
        f"SELECT {clave}, {valor} FROM {fuente} WHERE 1 {where} "  # noqa: S608
        f"ORDER BY {orden}, {clave} DESC LIMIT %s OFFSET %s"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [*expresiones, *params, cuantos, desde])
        return [(i, r or 0.0) for i, r in cursor.fetchall()]


def _pagina_ts_rank_recientes(ordenado, cuantos_rangos: int, desde: int, cuantos: int):
    """(id, relevance) of one page ranked by ts_rank among the `umbral()` newest matches
    only. ts_rank is in the inner query, which carries no vector through its sort: a dense
    term walks the date index and stops at the threshold (ranking only those rows), a
    sparse one ranks its GIN matches and top-N sorts small tuples. (`pk IN (newest)`
    makes PostgreSQL hash-join the whole table instead: 250 ms at 100k.)"""
    rangos = [f"r{i}" for i in range(cuantos_rangos)]
    recientes = ordenado.order_by(*ORDENES["recientes"]).values("pk", "recibido_en", *rangos)
    try:
        interna, params = recientes[: umbral()].query.sql_with_params()
    except EmptyResultSet:
        return []
    orden = ", ".join(f"s.{r} DESC" for r in rangos)
    with connection.cursor() as cursor:
        cursor.execute(  # values() names its columns pk, recibido_en, r0...
            f"SELECT s.pk, s.r0 FROM ({interna}) s "  # noqa: S608
            f"ORDER BY {orden}, s.recibido_en DESC, s.pk DESC LIMIT %s OFFSET %s",
            [*params, cuantos, desde],
        )
        return [(i, r or 0.0) for i, r in cursor.fetchall()]


def pagina(base, qs, consulta: Consulta, alcance: Alcance, texto: Texto, aproximado=False):
    """(id, relevance) of the requested page: `base` without the text tree, `qs` with it.
    Past the threshold (`aproximado`) only the `umbral()` most recent matches are ranked
    (ts_rank reads every vector it ranks; bm25 every document's length): on SQLite the
    newest ids, and only without filters nor staff scope (those rank every match)."""
    almacen = almacen_de(alcance)
    desde, hasta = consulta.desde, consulta.desde + consulta.por_pagina
    if consulta.orden == "relevancia" and texto.rango is not None:
        if sqlite():
            sin_filtros = accesos(alcance) is None and not _filtros(consulta)
            tope = umbral() if aproximado and sin_filtros else None
            return _pagina_bm25(
                base if texto.exacta else qs, almacen, texto, desde, consulta.por_pagina, tope
            )
        rangos = [texto.rango] + ([texto.amplio] if texto.amplio is not None else [])
        ordenado = qs.annotate(
            **{f"r{i}": SearchRank(F("vector"), r) for i, r in enumerate(rangos)}
        )
        if aproximado:
            return _pagina_ts_rank_recientes(ordenado, len(rangos), desde, consulta.por_pagina)
        criterios = [F(f"r{i}").desc() for i in range(len(rangos))]
        ordenado = ordenado.order_by(*criterios, F("recibido_en").desc(), F("pk").desc())
        return list(ordenado.values_list("pk", "r0")[desde:hasta])
    orden = ORDENES.get(consulta.orden, ORDENES["recientes"])
    return [(i, 0.0) for i in qs.order_by(*orden).values_list("pk", flat=True)[desde:hasta]]


def buscar(consulta: Consulta, alcance: Alcance) -> Resultados:
    """COUNT, one GROUP BY per facet and one page query; then the page's rows and pages."""
    almacen = almacen_de(alcance)
    base = _base(consulta, alcance)
    texto = compilar_texto(consulta.arbol, almacen)
    qs = base.filter(texto.q)
    if en_una_pasada(consulta):
        total, resultado, aproximado, filas = una_pasada(qs, consulta, texto)
    else:
        fts = None
        if sqlite() and texto.exacta:
            fts = (base, almacen, texto.amplio or texto.rango)
        total, resultado, aproximado = total_y_facetas(qs, consulta, fts)
        pedir = total > consulta.desde or aproximado
        filas = pagina(base, qs, consulta, alcance, texto, aproximado) if pedir else []
    rangos = dict(filas)
    por_id = almacen.modelo.objects.defer("vector").in_bulk(list(rangos))
    filas_pagina = [por_id[i] for i, _ in filas if i in por_id]
    return Resultados(
        total=total,
        resultados=a_resultados(filas_pagina, rangos, consulta.arbol, alcance, almacen),
        facetas=resultado,
        pagina=consulta.pagina,
        por_pagina=consulta.por_pagina,
        motor="base_de_datos",
        aproximado=aproximado,
    )


def similares(escrito_id: int, alcance: Alcance, cuantos: int = 5) -> list[Resultado] | None:
    """An approximation of "más como este": the escrito's most frequent long stems, OR-ed."""
    almacen = almacen_de(alcance)
    fila = almacen.modelo.objects.filter(filtro_alcance(alcance), pk=escrito_id).first()
    if fila is None:
        return None  # unknown, or not visible to this scope: nothing is revealed
    paginas = almacen.paginas.objects.filter(documento_id=escrito_id).values_list(
        "texto", flat=True
    )
    texto = " ".join([fila.folio, fila.asunto, *paginas])
    frecuencias = Counter(p for p in terminos(texto) if len(p) > 4)
    claves = [p for p, _ in frecuencias.most_common(12)]
    if not claves:
        return []
    arbol = Alguno(tuple(Raiz(p) for p in claves))
    consulta = Consulta(q=" OR ".join(claves), por_pagina=cuantos + 1, facetas=False)
    object.__setattr__(consulta, "arbol", arbol)
    resultados = buscar(consulta, alcance).resultados
    return [r for r in resultados if r.escrito_id != escrito_id][:cuantos]


def corregir(consulta: Consulta, alcance: Alcance) -> str | None:
    """«¿Quiso decir…?»: the query with its unknown words replaced by close indexed ones,
    when that finds something in this scope (None otherwise)."""
    fts = almacen_de(alcance).fts
    opciones = {p: vocabulario.cercanas(fts, p) for p in correccion.palabras(consulta.q)}
    return correccion.primera_que_encuentra(consulta, alcance, buscar, opciones)
