"""Database backend writes: documents folded and stemmed in Python (busqueda.texto) before
they are stored, so both vendors match the same words: SQLite through an FTS5 table,
PostgreSQL through a tsvector with the 'simple' configuration (weights A asunto/folio,
B pages, D remitente). The vocabulary (`vocabulario`) is filled on the way."""

from collections.abc import Iterable
from functools import partial

from django.contrib.postgres.search import SearchVector
from django.db import connection, transaction
from django.db.models import Model, TextField, Value
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from ...models import AccesoBusqueda, PaginaPortalBusqueda
from ...texto import indexable
from ..comun import firma
from . import vocabulario
from .esquema import ALMACENES, FTS_PORTAL, LOTE, MAX_TSVECTOR, Almacen, modelo_de, sqlite


def preparar() -> None:
    """Tables come from the migrations: nothing to do."""


# The columns of a document row, as `_fila` fills them.
COLUMNAS = (
    "escrito_id",
    "folio",
    "tipo",
    "canal",
    "estado",
    "clasificacion",
    "tema_id",
    "tema",
    "area_id",
    "area",
    "recibido_en",
    "anio",
    "vence_en",
    "respondido_en",
    "sentido",
    "asunto",
    "firma",
)
COLUMNAS_PERSONAL = (*COLUMNAS, "remitente")


def _fila(doc: dict, almacen: Almacen) -> dict:
    """A document row's values, ready for the database."""
    ops = connection.ops
    columnas = COLUMNAS_PERSONAL if almacen.personal else COLUMNAS
    fila = {c: doc[c] for c in columnas if c in doc}
    fila.update(
        recibido_en=ops.adapt_datetimefield_value(doc["recibido_en"]),
        anio=_anio(doc["recibido_en"]),
        vence_en=ops.adapt_datefield_value(doc["vence_en"]),
        respondido_en=ops.adapt_datefield_value(doc["respondido_en"]),
        firma=firma(doc),
    )
    return fila


def _terminos(doc: dict, almacen: Almacen, tokens: set[str]) -> tuple[str, ...]:
    """The analysed text of a document, one string per column of `almacen.columnas`
    (principal: folio and asunto; contenido: the pages; remitente); `tokens` collects
    the text's tokens for the vocabulary."""
    textos = {
        "principal": f"{doc['folio']} {doc['asunto']}",
        "contenido": " ".join(p["texto"] for p in doc["paginas"]),
        "remitente": doc.get("remitente", ""),
    }
    return tuple(indexable(textos[c], tokens) for c in almacen.columnas)


def _anio(recibido_en) -> int | None:
    """The year of the facet, in settings.TIME_ZONE (what a reader of the archive sees)."""
    if recibido_en is None:
        return None
    if isinstance(recibido_en, str):
        recibido_en = parse_datetime(recibido_en)
    return timezone.localtime(recibido_en, timezone.get_default_timezone()).year


def _accesos(doc: dict) -> list[tuple]:
    """The staff scope's rows of one document: one per área, one per user."""
    pk = doc["escrito_id"]
    return [(pk, a, None) for a in doc["areas"]] + [(pk, None, u) for u in doc["usuarios"]]


def _paginas(doc: dict) -> list[tuple]:
    return [
        (doc["escrito_id"], p["archivo_id"], p["numero"], p["pagina_global"], p["texto"])
        for p in doc["paginas"]
    ]


def _insertar(modelo: type[Model], campos: tuple[str, ...], filas: list[tuple]) -> None:
    """INSERT plain tuples: bulk_create builds a model and prepares every value of every
    row, most of a rebuild's time. Values must be adapted already (`_fila`)."""
    if not filas:
        return
    nombre = connection.ops.quote_name
    columnas = ", ".join(nombre(modelo._meta.get_field(c).column) for c in campos)
    marcas = ", ".join(["%s"] * len(campos))
    with connection.cursor() as cursor:
        cursor.executemany(
            f"INSERT INTO {nombre(modelo._meta.db_table)} ({columnas}) VALUES ({marcas})",  # noqa: S608 (model names)
            filas,
        )


# The tsvector of a staff (A, B, D) or public (A, B) document from its analysed text; a
# tsvector holds at most 1 MB: very long escritos are matched on their first pages.
PESOS = ("A", "B", "D")


def _vector(almacen: Almacen, ids: list[int], terminos: list[tuple[str, ...]]) -> None:
    partes = " || ".join(
        f"setweight(to_tsvector('simple', left(%s, {MAX_TSVECTOR})), '{peso}')"
        for peso in PESOS[: len(almacen.columnas)]
    )
    tabla = connection.ops.quote_name(almacen.modelo._meta.db_table)
    with connection.cursor() as cursor:
        cursor.executemany(
            f"UPDATE {tabla} SET vector = {partes} WHERE escrito_id = %s",  # noqa: S608 (model names)
            [(*t, pk) for pk, t in zip(ids, terminos, strict=True)],
        )


def _escribir(almacen: Almacen, docs: list[dict], vistas: set[str] | None = None) -> None:
    """Upsert these documents; `vistas`: the tokens whose words are in the vocabulary
    already (a rebuild keeps them across batches)."""
    tokens = set()
    filas = [_fila(d, almacen) for d in docs]
    terminos = [_terminos(d, almacen, tokens) for d in docs]
    ids = [f["escrito_id"] for f in filas]
    _borrar(almacen, ids)
    columnas = COLUMNAS_PERSONAL if almacen.personal else COLUMNAS
    _insertar(almacen.modelo, columnas, [tuple(f[c] for c in columnas) for f in filas])
    _insertar(
        almacen.paginas,
        ("documento", "archivo_id", "numero", "pagina_global", "texto"),
        [p for d in docs for p in _paginas(d)],
    )
    if almacen.personal:
        _insertar(
            AccesoBusqueda,
            ("documento", "area_id", "usuario_id"),
            [a for d in docs for a in _accesos(d)],
        )
    vocabulario.agregar(almacen.fts, tokens, vistas)
    if sqlite():
        marcas = ", ".join(["%s"] * (len(almacen.columnas) + 1))
        with connection.cursor() as cursor:
            cursor.executemany(
                f"INSERT INTO {almacen.fts}(rowid, {', '.join(almacen.columnas)}) "  # noqa: S608 (constant names)
                f"VALUES ({marcas})",
                [(pk, *t) for pk, t in zip(ids, terminos, strict=True)],
            )
    else:
        _vector(almacen, ids, terminos)


def _tablas(almacen: Almacen) -> list[tuple[str, str]]:
    """(table, document key column) of everything a store keeps per document, the
    dependent rows first."""
    nombre = connection.ops.quote_name

    def de(modelo, campo):
        return nombre(modelo._meta.db_table), nombre(modelo._meta.get_field(campo).column)

    tablas = [de(AccesoBusqueda, "documento")] if almacen.personal else []
    tablas += [de(almacen.paginas, "documento"), de(almacen.modelo, "escrito")]
    if sqlite():
        tablas.append((almacen.fts, "rowid"))
    return tablas


def _borrar(almacen: Almacen, ids: list[int]) -> None:
    """Delete these documents, their pages and access rows (plain DELETEs: the ORM's
    would first load every row to cascade)."""
    tablas = _tablas(almacen)
    with connection.cursor() as cursor:
        for inicio in range(0, len(ids), LOTE):
            lote = ids[inicio : inicio + LOTE]
            marcas = ", ".join(["%s"] * len(lote))
            for tabla, columna in tablas:
                cursor.execute(f"DELETE FROM {tabla} WHERE {columna} IN ({marcas})", lote)  # noqa: S608 (model names)


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
    if sqlite():
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
    if sqlite() and ids:
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


def _vaciar(tipo: str) -> None:
    """Delete a whole store (its rows, pages, access rows, FTS5 table and vocabulary)."""
    if tipo not in ALMACENES:
        _borrar_paginas(list(PaginaPortalBusqueda.objects.values_list("pk", flat=True)))
        return
    almacen = ALMACENES[tipo]
    with connection.cursor() as cursor:
        for tabla, _ in _tablas(almacen):
            cursor.execute(f"DELETE FROM {tabla}")  # noqa: S608 (model names)
    vocabulario.vaciar(almacen.fts)


def reconstruir(tipo: str, docs: Iterable[dict], version: int | None = None, progreso=None):
    """Replace everything in one transaction (readers keep the old rows until commit)."""
    with transaction.atomic():
        _vaciar(tipo)
        escribir = _escribir_paginas
        if tipo in ALMACENES:  # one set of the vocabulary's words across batches
            escribir = partial(_escribir, ALMACENES[tipo], vistas=set())
        lote = []
        for doc in docs:
            lote.append(doc)
            if len(lote) >= LOTE:
                escribir(lote)
                if progreso:
                    progreso(len(lote))
                lote = []
        if lote:
            escribir(lote)
            if progreso:
                progreso(len(lote))
    return "base_de_datos"


def activar(tipo: str, nuevo: str) -> None:
    """The rebuild already replaced the rows."""


def firmas(tipo: str) -> dict[int, str]:
    return dict(modelo_de(tipo).objects.values_list("pk", "firma"))


def contar(tipo: str) -> int:
    return modelo_de(tipo).objects.count()


def refrescar() -> None:
    """Writes are visible on commit."""


def borrar_todo() -> None:
    with transaction.atomic():
        for tipo in (*ALMACENES, "paginas"):
            _vaciar(tipo)
