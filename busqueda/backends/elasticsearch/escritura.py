"""Writes: folded sources, bulk requests, outbox batches with external versions, rebuilds
into a new index and the alias swap, and the index upkeep (counts, fingerprints, drops).

Staff documents and public ones live in separate versioned indexes behind their own aliases
(`<prefix>-escritos`, `<prefix>-publicos`).
"""

import itertools
import queue
import threading
from collections.abc import Callable, Iterable

from elasticsearch import NotFoundError, helpers

from ...client import get_client
from ...texto import plegar
from ..comun import firma
from .mapeo import DOCUMENTOS, alias, crear_indice

CHUNK = 500


def versiones(tipo: str) -> list[str]:
    """Every versioned index of this kind (the live one and any rebuild in progress)."""
    try:
        return sorted(get_client().indices.get(index=f"{alias(tipo)}-v*", expand_wildcards="open"))
    except NotFoundError:
        return []


def preparar() -> None:
    """Create the indexes and aliases if missing (idempotent)."""
    cliente = get_client()
    for tipo in DOCUMENTOS:
        if not cliente.indices.exists_alias(name=alias(tipo)):
            nombre = crear_indice(tipo, reconstruccion=False)
            cliente.indices.put_alias(index=nombre, name=alias(tipo))


def borrar_todo() -> None:
    """Drop every index of this prefix (tests and `search_index rebuild --borrar`)."""
    for tipo in DOCUMENTOS:
        for nombre in versiones(tipo):
            get_client().indices.delete(index=nombre, ignore_unavailable=True)


def fuente_escrito(doc: dict) -> dict:
    """The document as Elasticsearch stores it: folded copies added."""
    fuente = dict(doc, firma=firma(doc))
    fuente["asunto_plegado"] = plegar(doc["asunto"])
    if "remitente" in doc:  # staff documents only
        fuente["remitente_plegado"] = plegar(doc["remitente"])
    fuente["paginas"] = [dict(p, texto_plegado=plegar(p["texto"])) for p in doc["paginas"]]
    return fuente


def fuente_pagina(doc: dict) -> dict:
    return dict(
        doc,
        firma=firma(doc),
        titulo_plegado=plegar(doc["titulo"]),
        texto_plegado=plegar(doc["texto"]),
    )


FUENTES = {"escritos": fuente_escrito, "publicos": fuente_escrito, "paginas": fuente_pagina}
CLAVES = {"escritos": "escrito_id", "publicos": "escrito_id", "paginas": "page_id"}


def acciones(tipo: str, docs: Iterable[dict], indice: str, version: int | None = None):
    for doc in docs:
        accion = {"_index": indice, "_id": doc[CLAVES[tipo]], "_source": FUENTES[tipo](doc)}
        if version is not None:
            accion.update(version=version, version_type="external_gte")
        yield accion


def _bulk(acciones_, progreso: Callable[[int], None] | None = None) -> int:
    hechos = 0
    for ok, item in helpers.streaming_bulk(
        get_client(),
        acciones_,
        chunk_size=CHUNK,
        max_chunk_bytes=20 * 1024 * 1024,
        max_retries=6,  # 429s are retried with exponential backoff
        initial_backoff=1,
        raise_on_error=False,
        raise_on_exception=True,
    ):
        estado = next(iter(item.values())).get("status")
        if not ok and estado not in (404, 409):  # missing on delete / newer version kept
            raise RuntimeError(f"Elasticsearch rechazó un documento: {item}")
        hechos += 1
        if progreso:
            progreso(1)
    return hechos


def guardar(tipo: str, docs: list[dict], borrados: list[int], version: int) -> None:
    """Upsert and delete in every live index of this kind (a rebuild in progress too)."""
    indices = versiones(tipo)
    if not indices:
        preparar()
        indices = versiones(tipo)
    todas = []
    for indice in indices:
        todas += list(acciones(tipo, docs, indice, version))
        todas += [
            {
                "_op_type": "delete",
                "_index": indice,
                "_id": i,
                "version": version,
                "version_type": "external_gte",
            }
            for i in borrados
        ]
    _bulk(todas)


def _bulk_en_paralelo(acciones_, progreso=None) -> int:
    """streaming_bulk in a second thread while this one keeps reading the database.

    Only the HTTP side moves to the thread (the database connection stays in this one);
    a small queue of chunks bounds memory.
    """
    cola: queue.Queue = queue.Queue(maxsize=4)
    estado: dict = {}

    def enviar():
        try:
            estado["hechos"] = _bulk(itertools.chain.from_iterable(iter(cola.get, None)), progreso)
        except BaseException as error:
            estado["error"] = error
            while cola.get() is not None:  # unblock the reader
                pass

    hilo = threading.Thread(target=enviar, name="busqueda-bulk", daemon=True)
    hilo.start()
    trozo = []
    try:
        for accion in acciones_:
            trozo.append(accion)
            if len(trozo) >= CHUNK:
                cola.put(trozo)
                trozo = []
                if "error" in estado:
                    break
        if trozo and "error" not in estado:
            cola.put(trozo)
    finally:
        cola.put(None)
        hilo.join()
    if "error" in estado:
        raise estado["error"]
    return estado["hechos"]


def reconstruir(tipo: str, docs: Iterable[dict], version: int, progreso=None) -> str:
    """Bulk into a new index (refresh off), then swap the alias; old versions are dropped."""
    cliente = get_client()
    nuevo = crear_indice(tipo, reconstruccion=True)
    _bulk_en_paralelo(acciones(tipo, docs, nuevo, version), progreso)
    cliente.indices.put_settings(index=nuevo, settings={"index": {"refresh_interval": "1s"}})
    cliente.indices.refresh(index=nuevo)
    return nuevo


def activar(tipo: str, nuevo: str) -> None:
    cliente = get_client()
    viejos = [i for i in versiones(tipo) if i != nuevo]
    operaciones = [{"add": {"index": nuevo, "alias": alias(tipo)}}]
    operaciones += [
        {"remove": {"index": v, "alias": alias(tipo)}}
        for v in viejos
        if cliente.indices.exists_alias(index=v, name=alias(tipo))
    ]
    cliente.indices.update_aliases(actions=operaciones)
    for viejo in viejos:
        cliente.indices.delete(index=viejo, ignore_unavailable=True)


def firmas(tipo: str) -> dict[int, str]:
    """{id: firma} of everything in the live index (for reconcile)."""
    resultado = {}
    for hit in helpers.scan(
        get_client(),
        index=alias(tipo),
        query={"query": {"match_all": {}}},
        _source=["firma"],
        size=2000,
    ):
        resultado[int(hit["_id"])] = hit["_source"].get("firma", "")
    return resultado


def contar(tipo: str) -> int:
    return get_client().count(index=alias(tipo))["count"]


def refrescar() -> None:
    get_client().indices.refresh(index=",".join(alias(t) for t in DOCUMENTOS))
