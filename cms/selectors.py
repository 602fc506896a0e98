"""Reads of the portal's own content (trámites, plan)."""

from collections import defaultdict

from django.db.models import QuerySet
from wagtail.models import Site

from atencion.calidad.catalogo import TramiteCatalogo
from atencion.models import Servicio
from documentos.portal import Identidad, TramiteEnLinea

from .models import AjustesPortal, TramitePage


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


def tramite_en_linea(pk: int) -> TramiteEnLinea | None:
    """A live trámite for the online form's prefill (documentos.portal.proveer_tramite)."""
    pagina = (
        TramitePage.objects.live()
        .filter(pk=pk)
        .values_list("pk", "title", "tema_id", "area_responsable_id")
        .first()
    )
    return TramiteEnLinea(*pagina) if pagina else None


def identidad_portal(request=None) -> Identidad | None:
    """The entity's name and logo from AjustesPortal (documentos.portal.proveer_identidad)."""
    sitio = Site.find_for_request(request) if request is not None else None
    sitio = sitio or Site.objects.filter(is_default_site=True).first()
    if sitio is None:
        return None
    ajustes = AjustesPortal.for_site(sitio)
    logo = ajustes.logo.file.name if ajustes.logo_id and ajustes.logo.file else None
    return Identidad(nombre=ajustes.nombre_entidad, logo=logo)
