"""The search document of an escrito, built from the database (the source of truth).

Both backends index exactly these dicts. Who may see a document travels with it
(`publico`, `areas`, `usuarios`), computed by documentos.visibilidad.
"""

from collections.abc import Iterable, Iterator
from itertools import islice

from django.db.models import Prefetch

from documentos import visibilidad
from documentos.models import Archivo, Escrito, Respuesta
from ocr.selectors import textos_por_archivo

LOTE = 200


def _escritos(ids: list[int]):
    return (
        Escrito.objects.filter(pk__in=ids)
        .select_related("tema", "area_responsable")
        .prefetch_related(
            "turnos",
            "asignaciones",
            Prefetch("archivos", queryset=Archivo.objects.order_by("orden", "pk")),
            Prefetch("respuestas", queryset=Respuesta.objects.order_by("respondido_en", "pk")),
        )
    )


def documento(escrito: Escrito, textos: dict[int, list[tuple[int, str]]]) -> dict:
    """The flat search document of one (prefetched) escrito."""
    paginas, inicio = [], 0
    for archivo in escrito.archivos.all():
        for numero, texto in textos.get(archivo.pk, []):
            if texto.strip():
                paginas.append(
                    {
                        "archivo_id": archivo.pk,
                        "numero": numero,
                        "pagina_global": inicio + numero,
                        "texto": texto,
                    }
                )
        inicio += archivo.paginas
    respuestas = list(escrito.respuestas.all())
    ultima = respuestas[-1] if respuestas else None
    areas, usuarios = visibilidad.acceso_staff(escrito)
    return {
        "escrito_id": escrito.pk,
        "folio": escrito.folio,
        "tipo": escrito.tipo,
        "canal": escrito.canal,
        "estado": escrito.estado,
        "clasificacion": escrito.clasificacion,
        "publico": visibilidad.es_publico(escrito),
        "tema_id": escrito.tema_id,
        "tema": escrito.tema.nombre if escrito.tema else "",
        "area_id": escrito.area_responsable_id,
        "area": escrito.area_responsable.nombre if escrito.area_responsable else "",
        "areas": sorted(areas),
        "usuarios": sorted(usuarios),
        "recibido_en": escrito.recibido_en,
        "vence_en": escrito.vence_en,
        "respondido_en": ultima.fecha if ultima else None,
        "sentido": ultima.sentido if ultima else "",
        "remitente": escrito.remitente_nombre,
        "asunto": escrito.asunto,
        "paginas": paginas,
    }


def documentos(ids: Iterable[int]) -> Iterator[dict]:
    """Documents for these escrito ids, in batches (ids that no longer exist are skipped)."""
    ids = iter(ids)
    while lote := list(islice(ids, LOTE)):
        escritos = list(_escritos(lote))
        textos = textos_por_archivo(a.pk for e in escritos for a in e.archivos.all())
        for escrito in escritos:
            yield documento(escrito, textos)


def todos_los_ids() -> Iterator[int]:
    return Escrito.objects.order_by("pk").values_list("pk", flat=True).iterator(chunk_size=2000)
