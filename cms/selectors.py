"""Reads of the portal's own content (trámites, plan)."""

from django.db.models import QuerySet


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
