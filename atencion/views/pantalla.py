"""The display board of a sede (public, no personal data): the page and its JSON state."""

from django.http import JsonResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.views.decorators.cache import never_cache

from .. import selectors_tablero
from ..models import Sede

SEGUNDOS_CONSULTA = 2


def _sede(slug: str) -> Sede:
    return get_object_or_404(Sede, slug=slug, activa=True)


@never_cache
def pantalla(request, slug):
    sede = _sede(slug)
    return TemplateResponse(
        request,
        "atencion/pantalla/pantalla.html",
        {
            "sede": sede,
            "estado": selectors_tablero.estado(sede),
            "segundos": SEGUNDOS_CONSULTA,
        },
    )


@never_cache
def estado(request, slug):
    return JsonResponse(selectors_tablero.estado(_sede(slug)))
