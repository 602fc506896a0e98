"""Writes to the search index: the outbox (`encolar`), applying it, rebuild and reconcile.

Every index update goes through `encolar`, which writes a PendienteIndice row in the
caller's transaction and, on commit, starts the task that applies pending rows. When the
index is down the rows stay, and the next task or `search_index update` applies them.

An escrito has two documents in two stores: "escritos" (staff) and "publicos" (only while it
is public, built from its approved versión pública); one outbox row refreshes both.
"""

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import timedelta
from functools import partial

from django.db import transaction
from django.db.models import F, Max
from django.utils import timezone

from . import documento, paginas
from .backends import actual
from .backends.comun import firma
from .models import PendienteIndice

log = logging.getLogger(__name__)

T = PendienteIndice.Tipo


@dataclass(frozen=True)
class Fuente:
    """How one store is built from the database: documents by id, every id, their key."""

    documentos: Callable[[Iterable[int]], Iterable[dict]]
    todos_los_ids: Callable[[], Iterable[int]]
    clave: str


FUENTES = {
    "escritos": Fuente(documento.documentos, documento.todos_los_ids, "escrito_id"),
    "publicos": Fuente(documento.documentos_publicos, documento.ids_publicos, "escrito_id"),
    "paginas": Fuente(paginas.documentos, paginas.todos_los_ids, "page_id"),
}
# The stores one outbox row refreshes.
TIPOS = {T.ESCRITO: ("escritos", "publicos"), T.PAGINA: ("paginas",)}
LOTE = 500
GUARDAR_HECHOS = timedelta(days=2)


def encolar(tipo: str, objeto_id: int) -> None:
    """The one way to ask for an index update (of an escrito or a portal page)."""
    from .tasks import aplicar_pendientes

    PendienteIndice.objects.create(tipo=tipo, objeto_id=objeto_id)
    transaction.on_commit(partial(_lanzar, aplicar_pendientes), robust=True)


def _lanzar(tarea) -> None:
    tarea.enqueue()


def al_cambiar_escrito(sender, escrito_id: int, **kwargs) -> None:
    """Receiver of documentos.eventos.senal_escrito_cambiado."""
    encolar_escrito(escrito_id)


def encolar_escrito(escrito_id: int) -> None:
    encolar(T.ESCRITO, escrito_id)


def encolar_pagina(page_id: int) -> None:
    encolar(T.PAGINA, page_id)


def _ultima_version() -> int:
    return PendienteIndice.objects.aggregate(m=Max("id"))["m"] or 0


def aplicar_pendientes(limite: int | None = None) -> int:
    """Apply pending rows in batches; returns how many were applied. Safe to run twice."""
    aplicadas = 0
    while limite is None or aplicadas < limite:
        filas = list(
            PendienteIndice.objects.filter(hecho_en=None)
            .order_by("id")
            .values_list("id", "tipo", "objeto_id")[:LOTE]
        )
        if not filas:
            break
        try:
            _aplicar(filas)
        except Exception as error:
            PendienteIndice.objects.filter(id__in=[f[0] for f in filas]).update(
                intentos=F("intentos") + 1, error=str(error)[:2000]
            )
            log.warning("Índice de búsqueda no disponible; %s pendientes: %s", len(filas), error)
            raise
        PendienteIndice.objects.filter(id__in=[f[0] for f in filas]).update(
            hecho_en=timezone.now(), error=""
        )
        aplicadas += len(filas)
    PendienteIndice.objects.filter(hecho_en__lt=timezone.now() - GUARDAR_HECHOS).delete()
    return aplicadas


def _aplicar(filas) -> None:
    backend = actual()
    version = max(f[0] for f in filas)
    por_tipo: dict[str, set[int]] = {}
    for _, tipo, objeto_id in filas:
        for almacen in TIPOS[tipo]:
            por_tipo.setdefault(almacen, set()).add(objeto_id)
    for tipo, ids in por_tipo.items():
        fuente = FUENTES[tipo]
        docs = list(fuente.documentos(sorted(ids)))
        presentes = {d[fuente.clave] for d in docs}
        backend.guardar(tipo, docs, sorted(ids - presentes), version)


def pendientes() -> int:
    return PendienteIndice.objects.filter(hecho_en=None).count()


def cuentas() -> dict[str, int]:
    """Documents in each store of the index."""
    backend = actual()
    backend.preparar()
    return {tipo: backend.contar(tipo) for tipo in FUENTES}


def reconstruir(progreso=None) -> dict[str, int]:
    """Build fresh indexes from the database and swap them in (no downtime).

    `progreso(tipo, total)` returns a callable advanced by n for each batch written.
    """
    backend = actual()
    backend.preparar()
    version = _ultima_version()
    cuentas = {}
    for tipo, fuente in FUENTES.items():
        ids = list(fuente.todos_los_ids())
        avanzar = progreso(tipo, len(ids)) if progreso else None
        docs = fuente.documentos(ids)
        nuevo = backend.reconstruir(tipo, docs, version, avanzar)
        backend.activar(tipo, nuevo)
        cuentas[tipo] = len(ids)
    return cuentas


def reconciliar(progreso=None) -> dict[str, dict[str, int]]:
    """Compare the database with the index and repair what differs."""
    backend = actual()
    backend.preparar()
    informe = {}
    for tipo, fuente in FUENTES.items():
        version = _ultima_version()
        indexadas = backend.firmas(tipo)
        ids = list(fuente.todos_los_ids())
        faltan = distintas = 0
        lote = []
        vistos = set()
        for doc in fuente.documentos(ids):
            vistos.add(doc[fuente.clave])
            actual_ = indexadas.get(doc[fuente.clave])
            if actual_ is None:
                faltan += 1
            elif actual_ != firma(doc):
                distintas += 1
            else:
                continue
            lote.append(doc)
            if len(lote) >= LOTE:
                backend.guardar(tipo, lote, [], version)
                lote = []
        sobran = sorted(set(indexadas) - vistos)
        backend.guardar(tipo, lote, sobran, version)
        informe[tipo] = {"faltaban": faltan, "distintos": distintas, "sobraban": len(sobran)}
    return informe
