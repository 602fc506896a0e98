"""Database backend writes: documents folded and stemmed in Python (busqueda.texto) before
they are stored, so both vendors match the same words: SQLite through an FTS5 table,
PostgreSQL through a tsvector with the 'simple' configuration (weights A asunto/folio,
B pages, D remitente). The vocabulary (`vocabulario`) is filled on the way."""

from collections.abc import Iterable

from django.contrib.postgres.search import SearchVector
from django.db import connection, transaction
from django.db.models import TextField, Value
from django.db.models.functions import Left
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from ...models import AccesoBusqueda, PaginaPortalBusqueda
from ...texto import indexable
from ..comun import firma
from . import vocabulario
from .esquema import ALMACENES, FTS_PORTAL, LOTE, MAX_TSVECTOR, Almacen, modelo_de, sqlite


def preparar() -> None:
    """Tables come from the migrations: nothing to do."""


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
    if sqlite():
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
    if sqlite() and ids:
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


def reconstruir(tipo: str, docs: Iterable[dict], version: int | None = None, progreso=None):
    """Replace everything in one transaction (readers keep the old rows until commit)."""
    with transaction.atomic():
        guardar(tipo, [], list(modelo_de(tipo).objects.values_list("pk", flat=True)))
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
    return dict(modelo_de(tipo).objects.values_list("pk", "firma"))


def contar(tipo: str) -> int:
    return modelo_de(tipo).objects.count()


def refrescar() -> None:
    """Writes are visible on commit."""


def borrar_todo() -> None:
    for tipo in (*ALMACENES, "paginas"):
        guardar(tipo, [], list(modelo_de(tipo).objects.values_list("pk", flat=True)))
    for almacen in ALMACENES.values():
        vocabulario.vaciar(almacen.fts)
