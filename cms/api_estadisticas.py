"""Public JSON endpoints of the statistics (counts only), cached and described by OpenAPI."""

from django.conf import settings
from django.http import Http404, JsonResponse
from django.utils import timezone
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from .estadisticas import FiltroEstadisticasForm, figuras
from .openapi import esquema


def _filtros_o_error(request):
    form = FiltroEstadisticasForm(request.GET or None)
    if form.is_bound and not form.is_valid():
        errores = {campo: [str(m) for m in mensajes] for campo, mensajes in form.errors.items()}
        return None, JsonResponse({"errores": errores}, status=400)
    return form.filtros(), None


def _max_age():
    return settings.FOLIO_ESTADISTICAS_CACHE_SEGUNDOS


@require_GET
def lista(request):
    filtros, error = _filtros_o_error(request)
    if error:
        return error
    respuesta = JsonResponse(
        {
            "filtros": filtros.como_dict(),
            "generado_en": timezone.now().isoformat(),
            "figuras": [f.como_dict() for f in figuras(filtros)],
        },
        json_dumps_params={"ensure_ascii": False},
    )
    respuesta["Cache-Control"] = f"public, max-age={_max_age()}"
    return respuesta


@require_GET
def detalle(request, figura):
    filtros, error = _filtros_o_error(request)
    if error:
        return error
    elegida = next((f for f in figuras(filtros) if f.slug == figura), None)
    if elegida is None:
        raise Http404
    respuesta = JsonResponse(
        {"filtros": filtros.como_dict(), **elegida.como_dict()},
        json_dumps_params={"ensure_ascii": False},
    )
    respuesta["Cache-Control"] = f"public, max-age={_max_age()}"
    return respuesta


@require_GET
@cache_control(public=True, max_age=3600)
def openapi(request):
    return JsonResponse(esquema(request), json_dumps_params={"ensure_ascii": False})
