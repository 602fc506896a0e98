"""Reads of the portal's own content (trámites, plan)."""

from collections import defaultdict

from django.db.models import QuerySet

from atencion.calidad.catalogo import TramiteCatalogo
from atencion.models import Servicio

from .models import TramitePage


def buscar_tramites(tramites: QuerySet, q="", area=None, modalidad="", tema=None):
    """The trámites matching the filters; with words, ordered by relevance."""
    if area is not None:
        tramites = tramites.filter(area_responsable=area)
    if tema is not None:
        tramites = tramites.filter(tema=tema)
    if modalidad:
        tramites = tramites.filter(modalidad=modalidad)
    if q:
        return list(tramites.search(q, operator="and"))
    return tramites


def tramites_para_calidad() -> list[TramiteCatalogo]:
    """The live trámites of the catalog for the quality cycle (registered in apps.py with
    atencion.calidad.catalogo.proveer_tramites), with the window servicios linked to each."""
    paginas = list(
        TramitePage.objects.live().values_list(
            "pk", "title", "clave", "area_responsable_id", "tema_id"
        )
    )
    servicios = defaultdict(list)
    for tramite_id, pk in Servicio.objects.filter(
        tramite_id__in=[p[0] for p in paginas]
    ).values_list("tramite_id", "pk"):
        servicios[tramite_id].append(pk)
    return [
        TramiteCatalogo(pk, titulo, clave, area_id, tema_id, tuple(sorted(servicios[pk])))
        for pk, titulo, clave, area_id, tema_id in paginas
    ]
