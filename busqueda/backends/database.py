"""Database backend: the same searches without Elasticsearch (SQLite FTS5 or PostgreSQL).

Text is folded and stemmed in Python (busqueda.texto) before it is stored, so both
vendors match the same words: SQLite through an FTS5 table (MATCH, bm25), PostgreSQL
through a tsvector with the 'simple' configuration (weights A asunto/folio, B pages,
D remitente). Snippets are cut in Python with the same analysis.

Staff and public documents have their own tables and full-text indexes (`PERSONAL`,
`PUBLICOS`): a public query reads only the public store, which holds the approved versión
pública's text and nothing else of the escrito's.
"""

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connection, transaction
from django.db.models import F, Model, Q, TextField, Value
from django.db.models.expressions import RawSQL
from django.db.models.functions import Left
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from .. import correccion
from ..consulta import Consulta, Frase, Sin, Termino, Todos, analizar, positivos
from ..models import (
    AccesoBusqueda,
    DocumentoBusqueda,
    DocumentoPublicoBusqueda,
    PaginaBusqueda,
    PaginaPortalBusqueda,
    PaginaPublicaBusqueda,
)
from ..resaltado import comparador, marcado, resaltar
from ..resultados import Fragmento, Resultado, ResultadoPagina, Resultados
from ..texto import PALABRA, VACIAS, indexable, plegar, raiz, terminos
from ..visibilidad import Alcance
from . import vocabulario
from .comun import firma

FTS_PORTAL = "busqueda_fts_portal"
LOTE = 500
MAX_TSVECTOR = 400_000  # characters of stemmed text


@dataclass(frozen=True)
class Almacen:
    """Where one kind of escrito document lives: its rows, page rows and FTS5 table."""

    modelo: type[Model]
    paginas: type[Model]
    fts: str
    columnas: tuple[str, ...]  # FTS5 columns, after the rowid
    personal: bool  # staff documents carry the remitente and who may see them


PERSONAL = Almacen(
    DocumentoBusqueda,
    PaginaBusqueda,
    "busqueda_fts",
    ("principal", "contenido", "remitente"),
    personal=True,
)
PUBLICOS = Almacen(
    DocumentoPublicoBusqueda,
    PaginaPublicaBusqueda,
    "busqueda_fts_publico",
    ("principal", "contenido"),
    personal=False,
)
ALMACENES = {"escritos": PERSONAL, "publicos": PUBLICOS}


def _almacen(alcance: Alcance) -> Almacen:
    """The public reads only the public store: staff text is not even in its tables."""
    return PUBLICOS if alcance.publico else PERSONAL


def _sqlite() -> bool:
    return connection.vendor == "sqlite"


def preparar() -> None:
    """Tables come from the migrations: nothing to do."""


# ---------------------------------------------------------------------------------------
# Writes


def _fila(doc: dict, almacen: Almacen):
    fila = almacen.modelo(
        escrito_id=doc["escrito_id"],
        folio=doc["folio"],
        tipo=doc["tipo"],
        canal=doc["canal"],
        estado=doc["estado"],
        clasificacion=doc["clasificacion"],
        tema_id=doc["tema_id"],
        tema=doc["tema"],
        area_id=doc["area_id"],
        area=doc["area"],
        recibido_en=doc["recibido_en"],
        anio=_anio(doc["recibido_en"]),
        vence_en=doc["vence_en"],
        respondido_en=doc["respondido_en"],
        sentido=doc["sentido"],
        asunto=doc["asunto"],
        firma=firma(doc),
        principal=indexable(f"{doc['folio']} {doc['asunto']}"),
        contenido=indexable(" ".join(p["texto"] for p in doc["paginas"])),
    )
    if almacen.personal:
        fila.remitente = doc["remitente"]
        fila.remitente_terminos = indexable(doc["remitente"])
    return fila


def _anio(recibido_en) -> int | None:
    """The year of the facet, in settings.TIME_ZONE (what a reader of the archive sees)."""
    if recibido_en is None:
        return None
    if isinstance(recibido_en, str):
        recibido_en = parse_datetime(recibido_en)
    return timezone.localtime(recibido_en, timezone.get_default_timezone()).year


def _accesos(doc: dict) -> list[AccesoBusqueda]:
    """The staff scope's rows of one document: one per área, one per user."""
    pk = doc["escrito_id"]
    return [AccesoBusqueda(documento_id=pk, area_id=a) for a in doc["areas"]] + [
        AccesoBusqueda(documento_id=pk, usuario_id=u) for u in doc["usuarios"]
    ]


def _paginas(doc: dict, almacen: Almacen) -> list:
    return [
        almacen.paginas(
            documento_id=doc["escrito_id"],
            archivo_id=p["archivo_id"],
            numero=p["numero"],
            pagina_global=p["pagina_global"],
            texto=p["texto"],
        )
        for p in doc["paginas"]
    ]


def _vector(almacen: Almacen, ids) -> None:
    vector = (
        SearchVector("principal", weight="A", config="simple")
        # a tsvector holds at most 1 MB: very long escritos are matched on their first pages
        + SearchVector(Left("contenido", MAX_TSVECTOR), weight="B", config="simple")
    )
    if almacen.personal:
        vector += SearchVector("remitente_terminos", weight="D", config="simple")
    almacen.modelo.objects.filter(pk__in=ids).update(vector=vector)


def _terminos_fts(fila, almacen: Almacen) -> tuple:
    columnas = {"remitente": "remitente_terminos"}
    return (fila.pk, *(getattr(fila, columnas.get(c, c)) for c in almacen.columnas))


def _escribir(almacen: Almacen, docs: list[dict]) -> None:
    filas = [_fila(d, almacen) for d in docs]
    ids = [f.pk for f in filas]
    _borrar(almacen, ids)
    almacen.modelo.objects.bulk_create(filas)
    almacen.paginas.objects.bulk_create([p for d in docs for p in _paginas(d, almacen)])
    if almacen.personal:
        AccesoBusqueda.objects.bulk_create([a for d in docs for a in _accesos(d)])
    vocabulario.agregar(almacen.fts, _textos(docs, almacen))
    if _sqlite():
        marcas = ", ".join(["%s"] * (len(almacen.columnas) + 1))
        with connection.cursor() as cursor:
            cursor.executemany(
                f"INSERT INTO {almacen.fts}(rowid, {', '.join(almacen.columnas)}) "  # noqa: S608 (constant names)
                f"VALUES ({marcas})",
                [_terminos_fts(f, almacen) for f in filas],
            )
    else:
        _vector(almacen, ids)


def _textos(docs: list[dict], almacen: Almacen):
    for doc in docs:
        yield doc["folio"]
        yield doc["asunto"]
        yield from (p["texto"] for p in doc["paginas"])
        if almacen.personal:
            yield doc["remitente"]


def _borrar(almacen: Almacen, ids: list[int]) -> None:
    almacen.modelo.objects.filter(pk__in=ids).delete()
    if _sqlite() and ids:
        with connection.cursor() as cursor:
            cursor.executemany(
                f"DELETE FROM {almacen.fts} WHERE rowid = %s",  # noqa: S608 (constant table)
                [(i,) for i in ids],
            )


def _escribir_paginas(docs: list[dict]) -> None:
    ids = [d["page_id"] for d in docs]
    _borrar_paginas(ids)
    filas = [
        PaginaPortalBusqueda(
            page_id=d["page_id"],
            titulo=d["titulo"],
            texto=d["texto"],
            url=d["url"],
            tipo=d["tipo"],
            firma=firma(d),
            terminos=indexable(d["texto"]),
        )
        for d in docs
    ]
    PaginaPortalBusqueda.objects.bulk_create(filas)
    if _sqlite():
        with connection.cursor() as cursor:
            cursor.executemany(
                f"INSERT INTO {FTS_PORTAL}(rowid, titulo, texto) VALUES (%s, %s, %s)",  # noqa: S608
                [(f.pk, indexable(f.titulo), f.terminos) for f in filas],
            )
    else:
        for fila in filas:
            PaginaPortalBusqueda.objects.filter(pk=fila.pk).update(
                vector=SearchVector(
                    Value(indexable(fila.titulo), output_field=TextField()),
                    weight="A",
                    config="simple",
                )
                + SearchVector("terminos", weight="B", config="simple")
            )


def _borrar_paginas(ids: list[int]) -> None:
    PaginaPortalBusqueda.objects.filter(pk__in=ids).delete()
    if _sqlite() and ids:
        with connection.cursor() as cursor:
            cursor.executemany(f"DELETE FROM {FTS_PORTAL} WHERE rowid = %s", [(i,) for i in ids])  # noqa: S608


def guardar(tipo: str, docs: list[dict], borrados: list[int], version: int | None = None):
    """`tipo`: "escritos" (staff documents), "publicos" (public ones) or "paginas" (portal)."""
    with transaction.atomic():
        if tipo in ALMACENES:
            _borrar(ALMACENES[tipo], borrados)
            if docs:
                _escribir(ALMACENES[tipo], docs)
        else:
            _borrar_paginas(borrados)
            if docs:
                _escribir_paginas(docs)


def _modelo(tipo: str) -> type[Model]:
    return ALMACENES[tipo].modelo if tipo in ALMACENES else PaginaPortalBusqueda


def reconstruir(tipo: str, docs: Iterable[dict], version: int | None = None, progreso=None):
    """Replace everything in one transaction (readers keep the old rows until commit)."""
    with transaction.atomic():
        guardar(tipo, [], list(_modelo(tipo).objects.values_list("pk", flat=True)))
        if tipo in ALMACENES:
            vocabulario.vaciar(ALMACENES[tipo].fts)
        lote = []
        for doc in docs:
            lote.append(doc)
            if len(lote) >= LOTE:
                guardar(tipo, lote, [])
                if progreso:
                    progreso(len(lote))
                lote = []
        if lote:
            guardar(tipo, lote, [])
            if progreso:
                progreso(len(lote))
    return "base_de_datos"


def activar(tipo: str, nuevo: str) -> None:
    """The rebuild already replaced the rows."""


def firmas(tipo: str) -> dict[int, str]:
    return dict(_modelo(tipo).objects.values_list("pk", "firma"))


def contar(tipo: str) -> int:
    return _modelo(tipo).objects.count()


def refrescar() -> None:
    """Writes are visible on commit."""


def borrar_todo() -> None:
    for tipo in (*ALMACENES, "paginas"):
        guardar(tipo, [], list(_modelo(tipo).objects.values_list("pk", flat=True)))
    for almacen in ALMACENES.values():
        vocabulario.vaciar(almacen.fts)


# ---------------------------------------------------------------------------------------
# Queries


@dataclass(frozen=True)
class _Raiz(Termino):
    """An already stemmed word ("más como este"): matched as it is, never expanded."""


def _raices(nodo) -> tuple[list[str], bool]:
    """The stems an atom matches, and whether its last one is a prefix (left unstemmed;
    the complete words before it are stemmed)."""
    if isinstance(nodo, _Raiz):
        return [nodo.texto], False
    if isinstance(nodo, Termino) and nodo.prefijo:
        palabras = PALABRA.findall(plegar(nodo.texto.lower()))
        return [raiz(p) for p in palabras[:-1] if p not in VACIAS] + [palabras[-1]], True
    return terminos(nodo.texto), False


def _ampliadas(nodo, almacen: Almacen) -> list[str]:
    """Other stems an atom also matches, from the store's vocabulary. A one-word term:
    stems of the words close to it (busqueda.correccion's rule: 5+ letters one edit, 8+
    two, first letter fixed), not its own. A prefix: stems of the words that start with it
    but whose stem does not ("pavimentac*": "pavimentación" is stored as "paviment").
    None for phrases and stems."""
    if not isinstance(nodo, Termino) or isinstance(nodo, _Raiz):
        return []
    palabras = [p for p in PALABRA.findall(nodo.plegado) if p not in VACIAS or nodo.prefijo]
    if nodo.prefijo:
        if not palabras:
            return []
        ultima = palabras[-1]
        cortadas = {raiz(p) for p in vocabulario.con_prefijo(almacen.fts, ultima)}
        return sorted(r for r in cortadas if not r.startswith(ultima))
    if len(palabras) != 1:
        return []
    propia = raiz(palabras[0])
    ampliadas = []
    for palabra in vocabulario.ampliar(almacen.fts, palabras[0]):
        otra = raiz(palabra)
        if otra != propia and otra not in ampliadas:
            ampliadas.append(otra)
    return ampliadas


def _fts(nodo, columnas: tuple[str, ...], ampliadas: Iterable[str] = ()) -> str:
    """One atom as an FTS5 expression; `ampliadas` (`_ampliadas`) are OR-ed in, in place of
    a prefix's last word. For ranking pass none: the exact stem ranks above its variants."""
    palabras, prefijo = _raices(nodo)
    cols = f"{{{' '.join(columnas)}}}"
    if prefijo:
        inicio = palabras[:-1]
        opciones = [
            f'"{" ".join(palabras)}" *',
            *(f'"{" ".join([*inicio, a])}"' for a in ampliadas),
        ]
    else:
        opciones = [f'"{" ".join(palabras)}"', *(f'"{a}"' for a in ampliadas)]
    if len(opciones) == 1:
        return f"{cols} : {opciones[0]}"
    return f"{cols} : ({' OR '.join(opciones)})"


def _tsquery(nodo, ampliadas: Iterable[str] = ()) -> str:
    """One atom as a PostgreSQL tsquery (see `_fts`)."""
    palabras, prefijo = _raices(nodo)
    marcas = [f"'{p}'" for p in palabras]
    ampliadas = [f"'{a}'" for a in ampliadas]
    if prefijo:
        ultimas = [f"'{palabras[-1]}':*", *ampliadas]
        marcas[-1] = f"({' | '.join(ultimas)})" if ampliadas else ultimas[0]
        return " <-> ".join(marcas)
    frase = " <-> ".join(marcas)
    return f"({' | '.join([frase, *ampliadas])})" if ampliadas else frase


def _atomo(nodo, almacen: Almacen) -> Q:
    if not _raices(nodo)[0]:
        return Q()
    ampliadas = _ampliadas(nodo, almacen)
    if _sqlite():
        return Q(
            pk__in=RawSQL(  # noqa: S611 (constant table, bound parameter)
                f"SELECT rowid FROM {almacen.fts} WHERE {almacen.fts} MATCH %s",  # noqa: S608
                [_fts(nodo, almacen.columnas, ampliadas)],
            )
        )
    return Q(vector=SearchQuery(_tsquery(nodo, ampliadas), search_type="raw", config="simple"))


def compilar(nodo, atomo) -> Q:
    """The boolean tree as Django Q objects; `atomo(nodo)` matches one term or phrase."""
    if isinstance(nodo, Termino | Frase):
        return atomo(nodo)
    if isinstance(nodo, Sin):
        return ~compilar(nodo.parte, atomo)
    partes = [compilar(p, atomo) for p in nodo.partes]
    resultado = partes[0]
    for parte in partes[1:]:
        resultado = resultado & parte if isinstance(nodo, Todos) else resultado | parte
    return resultado


def _rango_portal(buenos):
    """Relevance of portal pages, as an annotation (few rows: a correlated subquery is fine)."""
    buenos = [b for b in buenos if _raices(b)[0]]
    if not buenos:
        return None
    if _sqlite():
        expresion = " OR ".join(f"({_fts(b, ('titulo', 'texto'))})" for b in buenos)
        return RawSQL(  # noqa: S611 (constant table, bound parameter)
            f"SELECT -bm25({FTS_PORTAL}) FROM {FTS_PORTAL} WHERE {FTS_PORTAL} MATCH %s "  # noqa: S608
            "AND rowid = busqueda_paginaportalbusqueda.page_id",
            [expresion],
        )
    expresion = " | ".join(f"({_tsquery(b)})" for b in buenos)
    return SearchRank(F("vector"), SearchQuery(expresion, search_type="raw", config="simple"))


def _fuente(fila) -> dict:
    return {
        "escrito_id": fila.pk,
        "folio": fila.folio,
        "tipo": fila.tipo,
        "estado": fila.estado,
        "clasificacion": fila.clasificacion,
        "asunto": fila.asunto,
        "tema": fila.tema,
        "area": fila.area,
        "recibido_en": fila.recibido_en,
        "vence_en": fila.vence_en,
        "remitente": getattr(fila, "remitente", None),  # staff rows only
    }


def _fragmentos(filas, buenos, almacen: Almacen) -> dict[int, list[Fragmento]]:
    if not buenos:
        return {}
    buenos = comparador(buenos)
    fragmentos = defaultdict(list)
    for fila in filas:
        if html := resaltar(fila.asunto, buenos):
            fragmentos[fila.pk].append(Fragmento(html))
    paginas = almacen.paginas.objects.filter(documento_id__in=[f.pk for f in filas]).order_by(
        "documento_id", "pagina_global"
    )
    cuantas = Counter()
    for pagina in paginas.iterator():
        if cuantas[pagina.documento_id] >= 3:
            continue
        if html := resaltar(pagina.texto, buenos):
            cuantas[pagina.documento_id] += 1
            fragmentos[pagina.documento_id].append(
                Fragmento(html, pagina.archivo_id, pagina.numero, pagina.pagina_global)
            )
    return fragmentos


def buscar(consulta: Consulta, alcance: Alcance) -> Resultados:
    """Facets, total and ordering in SQL (busqueda.backends.database_consulta)."""
    from . import database_consulta

    return database_consulta.buscar(consulta, alcance)


def similares(escrito_id: int, alcance: Alcance, cuantos: int = 5) -> list[Resultado] | None:
    """An approximation of "más como este": the escrito's most frequent long stems, OR-ed."""
    from . import database_consulta

    return database_consulta.similares(escrito_id, alcance, cuantos)


def corregir(consulta: Consulta, alcance: Alcance) -> str | None:
    """«¿Quiso decir…?»: the query with its unknown words replaced by close indexed ones,
    when that finds something in this scope (None otherwise)."""
    almacen = _almacen(alcance).fts
    opciones = {p: vocabulario.cercanas(almacen, p) for p in correccion.palabras(consulta.q)}
    return correccion.primera_que_encuentra(consulta, alcance, buscar, opciones)


def buscar_paginas(q: str, cuantos: int = 10) -> list[ResultadoPagina]:
    arbol = analizar(q)
    if arbol is None:
        return []
    buenos = positivos(arbol)
    qs = PaginaPortalBusqueda.objects.all()
    if _sqlite():

        def atomo(nodo):
            if not _raices(nodo)[0]:
                return Q()
            return Q(
                pk__in=RawSQL(  # noqa: S611 (constant table, bound parameter)
                    f"SELECT rowid FROM {FTS_PORTAL} WHERE {FTS_PORTAL} MATCH %s",  # noqa: S608
                    [_fts(nodo, ("titulo", "texto"))],
                )
            )
    else:

        def atomo(nodo):
            if not _raices(nodo)[0]:
                return Q()
            return Q(vector=SearchQuery(_tsquery(nodo), search_type="raw", config="simple"))

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
