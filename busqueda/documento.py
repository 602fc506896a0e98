"""The search documents of an escrito, built from the database (the source of truth).

Two kinds, stored apart on both backends:

- the staff document (`documento`): metadata, remitente, the escrito's asunto and OCR pages,
  and who may see it (`areas`, `usuarios`, computed by documentos.visibilidad);
- the public document (`documento_publico`), only for public escritos: a few metadata fields
  and the approved versión pública's asunto and page texts. Never the remitente, the
  escrito's own asunto or its OCR text.
"""

from collections import defaultdict
from collections.abc import Iterable, Iterator
from itertools import islice

from documentos import visibilidad
from documentos.models import Archivo, Escrito, Respuesta
from ocr.selectors import textos_por_archivo

LOTE = 500
# The escrito's columns a document reads (plain values: no model instance per row).
CAMPOS = (
    "pk",
    "folio",
    "tipo",
    "canal",
    "estado",
    "clasificacion",
    "tema_id",
    "tema__nombre",
    "area_responsable_id",
    "area_responsable__nombre",
    "recibido_en",
    "vence_en",
    "remitente_nombre",
    "asunto",
)


def _escritos(ids: list[int]):
    return Escrito.objects.filter(pk__in=ids).order_by("pk")


def _ultimas_respuestas(ids: list[int]) -> dict[int, tuple]:
    """{escrito id: (fecha, sentido)} of each escrito's latest answer."""
    ultimas = {}
    for pk, fecha, sentido in (
        Respuesta.objects.filter(escrito_id__in=ids)
        .order_by("escrito_id", "respondido_en", "pk")
        .values_list("escrito_id", "fecha", "sentido")
    ):
        ultimas[pk] = (fecha, sentido)
    return ultimas


def _metadatos(escrito: dict, respuesta: tuple | None) -> dict:
    """What both documents share: fields documentos.visibilidad.CAMPOS_PUBLICOS allows."""
    return {
        "escrito_id": escrito["pk"],
        "folio": escrito["folio"],
        "tipo": escrito["tipo"],
        "canal": escrito["canal"],
        "estado": escrito["estado"],
        "clasificacion": escrito["clasificacion"],
        "tema_id": escrito["tema_id"],
        "tema": escrito["tema__nombre"] or "",
        "area_id": escrito["area_responsable_id"],
        "area": escrito["area_responsable__nombre"] or "",
        "recibido_en": escrito["recibido_en"],
        "vence_en": escrito["vence_en"],
        "respondido_en": respuesta[0] if respuesta else None,
        "sentido": respuesta[1] if respuesta else "",
    }


def _paginas(archivos: list[tuple[int, int]], textos: dict) -> list[dict]:
    """The OCR pages of an escrito's files (in order), numbered across its files."""
    paginas, inicio = [], 0
    for archivo_id, total in archivos:
        for numero, texto in textos.get(archivo_id, []):
            if texto.strip():
                paginas.append(
                    {
                        "archivo_id": archivo_id,
                        "numero": numero,
                        "pagina_global": inicio + numero,
                        "texto": texto,
                    }
                )
        inicio += total
    return paginas


def _lote_staff(lote: list[int]) -> Iterator[dict]:
    archivos = defaultdict(list)
    for escrito_id, pk, paginas in (
        Archivo.objects.filter(escrito_id__in=lote)
        .order_by("escrito_id", "orden", "pk")
        .values_list("escrito_id", "pk", "paginas")
    ):
        archivos[escrito_id].append((pk, paginas))
    textos = textos_por_archivo(a for lista in archivos.values() for a, _ in lista)
    respuestas = _ultimas_respuestas(lote)
    accesos = visibilidad.accesos_staff(lote)
    for escrito in _escritos(lote).values(*CAMPOS):
        areas, usuarios = accesos[escrito["pk"]]
        yield {
            **_metadatos(escrito, respuestas.get(escrito["pk"])),
            "areas": sorted(areas),
            "usuarios": sorted(usuarios),
            "remitente": escrito["remitente_nombre"],
            "asunto": escrito["asunto"],
            "paginas": _paginas(archivos[escrito["pk"]], textos),
        }


def _lote_publico(lote: list[int]) -> Iterator[dict]:
    versiones = {  # the latest approved one per escrito
        pk: (asunto, paginas)
        for pk, asunto, paginas in visibilidad.versiones_aprobadas()
        .filter(escrito_id__in=lote)
        .order_by("pk")
        .values_list("escrito_id", "asunto", "paginas")
    }
    respuestas = _ultimas_respuestas(lote)
    for escrito in _escritos(lote).filter(visibilidad.filtro_publico()).values(*CAMPOS):
        if (version := versiones.get(escrito["pk"])) is not None:  # None: just invalidated
            yield documento_publico(escrito, respuestas.get(escrito["pk"]), *version)


def documento_publico(escrito: dict, respuesta, asunto: str, paginas_version: list) -> dict:
    """The public search document: the escrito's public metadata and, as its only text, the
    approved versión pública's asunto and pages (numbered across the version)."""
    paginas = [
        {
            "archivo_id": pagina["archivo_id"],
            "numero": pagina["numero"],
            "pagina_global": posicion,
            "texto": pagina["texto"],
        }
        for posicion, pagina in enumerate(paginas_version, start=1)
        if pagina["texto"].strip()
    ]
    return {**_metadatos(escrito, respuesta), "asunto": asunto, "paginas": paginas}


def _por_lotes(ids: Iterable[int], leer) -> Iterator[dict]:
    ids = iter(ids)
    while lote := list(islice(ids, LOTE)):
        yield from leer(lote)


def documentos(ids: Iterable[int]) -> Iterator[dict]:
    """Staff documents for these escrito ids, in batches (ids that no longer exist are
    skipped)."""
    return _por_lotes(ids, _lote_staff)


def documentos_publicos(ids: Iterable[int]) -> Iterator[dict]:
    """Public documents for those of these ids that are public now (the others are
    skipped: the caller removes them from the public store)."""
    return _por_lotes(ids, _lote_publico)


def todos_los_ids() -> Iterator[int]:
    return Escrito.objects.order_by("pk").values_list("pk", flat=True).iterator(chunk_size=2000)


def ids_publicos() -> Iterator[int]:
    return (
        visibilidad.escritos_publicos()
        .order_by("pk")
        .values_list("pk", flat=True)
        .iterator(chunk_size=2000)
    )
