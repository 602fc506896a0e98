"""The search documents of an escrito, built from the database (the source of truth).

Two kinds, stored apart on both backends:

- the staff document (`documento`): metadata, remitente, the escrito's asunto and OCR pages,
  and who may see it (`areas`, `usuarios`, computed by documentos.visibilidad);
- the public document (`documento_publico`), only for public escritos: a few metadata fields
  and the approved versión pública's asunto and page texts. Never the remitente, the
  escrito's own asunto or its OCR text.
"""

from collections.abc import Iterable, Iterator
from itertools import islice

from django.db.models import Prefetch

from documentos import visibilidad
from documentos.models import Archivo, Escrito, Respuesta, VersionPublica
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


def _metadatos(escrito: Escrito) -> dict:
    """What both documents share: fields documentos.visibilidad.CAMPOS_PUBLICOS allows."""
    respuestas = list(escrito.respuestas.all())
    ultima = respuestas[-1] if respuestas else None
    return {
        "escrito_id": escrito.pk,
        "folio": escrito.folio,
        "tipo": escrito.tipo,
        "canal": escrito.canal,
        "estado": escrito.estado,
        "clasificacion": escrito.clasificacion,
        "tema_id": escrito.tema_id,
        "tema": escrito.tema.nombre if escrito.tema else "",
        "area_id": escrito.area_responsable_id,
        "area": escrito.area_responsable.nombre if escrito.area_responsable else "",
        "recibido_en": escrito.recibido_en,
        "vence_en": escrito.vence_en,
        "respondido_en": ultima.fecha if ultima else None,
        "sentido": ultima.sentido if ultima else "",
    }


def documento(escrito: Escrito, textos: dict[int, list[tuple[int, str]]]) -> dict:
    """The flat staff search document of one (prefetched) escrito."""
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
    areas, usuarios = visibilidad.acceso_staff(escrito)
    return {
        **_metadatos(escrito),
        "areas": sorted(areas),
        "usuarios": sorted(usuarios),
        "remitente": escrito.remitente_nombre,
        "asunto": escrito.asunto,
        "paginas": paginas,
    }


def documento_publico(escrito: Escrito, version: VersionPublica) -> dict:
    """The public search document: the escrito's public metadata and, as its only text, the
    approved versión pública's asunto and pages (numbered across the version)."""
    paginas = [
        {
            "archivo_id": pagina["archivo_id"],
            "numero": pagina["numero"],
            "pagina_global": posicion,
            "texto": pagina["texto"],
        }
        for posicion, pagina in enumerate(version.paginas, start=1)
        if pagina["texto"].strip()
    ]
    return {**_metadatos(escrito), "asunto": version.asunto, "paginas": paginas}


def documentos(ids: Iterable[int]) -> Iterator[dict]:
    """Staff documents for these escrito ids, in batches (ids that no longer exist are
    skipped)."""
    ids = iter(ids)
    while lote := list(islice(ids, LOTE)):
        escritos = list(_escritos(lote))
        textos = textos_por_archivo(a.pk for e in escritos for a in e.archivos.all())
        for escrito in escritos:
            yield documento(escrito, textos)


def documentos_publicos(ids: Iterable[int]) -> Iterator[dict]:
    """Public documents for those of these ids that are public now (the others are
    skipped: the caller removes them from the public store)."""
    ids = iter(ids)
    while lote := list(islice(ids, LOTE)):
        escritos = _escritos(lote).filter(visibilidad.filtro_publico())
        versiones = {
            v.escrito_id: v
            for v in visibilidad.versiones_aprobadas().filter(escrito_id__in=lote).order_by("pk")
        }
        for escrito in escritos:
            if (version := versiones.get(escrito.pk)) is not None:  # None: just invalidated
                yield documento_publico(escrito, version)


def todos_los_ids() -> Iterator[int]:
    return Escrito.objects.order_by("pk").values_list("pk", flat=True).iterator(chunk_size=2000)


def ids_publicos() -> Iterator[int]:
    return (
        visibilidad.escritos_publicos()
        .order_by("pk")
        .values_list("pk", flat=True)
        .iterator(chunk_size=2000)
    )
