"""Search screens and JSON endpoints. Thin: validate the query string, call selectors."""

from django.http import JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from documentos.views.staff import prohibido

from . import serializar
from .forms import ConsultaForm, errores
from .selectors import BusquedaNoDisponible, buscar, buscar_paginas, similares
from .visibilidad import alcance

NO_DISPONIBLE = _(
    "La búsqueda no está disponible en este momento. Intente de nuevo en unos minutos."
)
_JSON = {"json_dumps_params": {"ensure_ascii": False}}


def puede_buscar_en_archivo(usuario) -> bool:
    """Archivists and everyone who may see escritos (their áreas) use the staff search; the
    admin screen is also behind Wagtail's admin-access check."""
    if not (usuario.is_authenticated and usuario.is_active):
        return False
    permitido = alcance(usuario)
    return permitido.todo or bool(permitido.areas)


def _json_busqueda(request, usuario):
    form = ConsultaForm(request.GET)
    if not form.is_valid():
        return JsonResponse({"errores": errores(form)}, status=400, **_JSON)
    try:
        datos = serializar.resultados(buscar(form.consulta(), usuario), staff=usuario is not None)
    except BusquedaNoDisponible:
        return JsonResponse({"error": NO_DISPONIBLE}, status=503, **_JSON)
    return JsonResponse(datos, **_JSON)


def _json_similares(escrito_id, usuario):
    try:
        parecidos = similares(escrito_id, usuario)
    except BusquedaNoDisponible:
        return JsonResponse({"error": NO_DISPONIBLE}, status=503, **_JSON)
    if parecidos is None:
        return JsonResponse({"error": _("No existe ese escrito.")}, status=404, **_JSON)
    return JsonResponse(
        {"resultados": [serializar.resultado(r, staff=usuario is not None) for r in parecidos]},
        **_JSON,
    )


def _staff(request):
    if not puede_buscar_en_archivo(request.user):
        return JsonResponse(
            {"error": _("Inicie sesión con una cuenta del archivo o de un área.")},
            status=403,
            **_JSON,
        )
    return None


@require_GET
@cache_control(public=True, max_age=30)
def api_publica(request):
    """Public archive: only published public escritos, never remitente data."""
    return _json_busqueda(request, None)


@require_GET
@cache_control(public=True, max_age=30)
def api_similares_publica(request, escrito_id: int):
    return _json_similares(escrito_id, None)


@require_GET
@cache_control(public=True, max_age=60)
def api_paginas(request):
    q = request.GET.get("q", "")[:500]
    try:
        paginas = buscar_paginas(q)
    except BusquedaNoDisponible:
        return JsonResponse({"error": NO_DISPONIBLE}, status=503, **_JSON)
    return JsonResponse({"resultados": [serializar.pagina(p) for p in paginas]}, **_JSON)


@require_GET
@cache_control(private=True, no_store=True)
def api_staff(request):
    """Staff search: what documentos.visibilidad lets this user see, remitente included."""
    return _staff(request) or _json_busqueda(request, request.user)


@require_GET
@cache_control(private=True, no_store=True)
def api_similares_staff(request, escrito_id: int):
    return _staff(request) or _json_similares(escrito_id, request.user)


def _pantalla(request, usuario, plantilla, extra=None):
    form = ConsultaForm(request.GET)
    contexto = {"form": form, "resultados": None, "error": None, **(extra or {})}
    consultado = bool(request.GET)
    if form.is_valid() and consultado:
        consulta = form.consulta()
        try:
            contexto["resultados"] = buscar(consulta, usuario)
            if usuario is None and consulta.q and consulta.pagina == 1:
                contexto["paginas_portal"] = buscar_paginas(consulta.q, 5)
        except BusquedaNoDisponible:
            contexto["error"] = NO_DISPONIBLE
        contexto["consulta"] = consulta
        contexto["filtros"] = _filtros_activos(request)
    status = 503 if contexto["error"] else (400 if form.errors else 200)
    return render(request, plantilla, contexto, status=status)


def _filtros_activos(request) -> str:
    """The query string without the page number (for facet and pagination links)."""
    copia = request.GET.copy()
    copia.pop("pagina", None)
    return copia.urlencode()


@require_GET
def buscar_publico(request):
    """The portal's search page: public archive and published pages."""
    return _pantalla(request, None, "busqueda/buscar.html")


@require_GET
def buscar_archivo(request):
    """The archivist search in the Wagtail admin."""
    if not puede_buscar_en_archivo(request.user):
        return prohibido(
            request, _("La búsqueda en el archivo es para el personal del archivo y de las áreas.")
        )
    extra = {}
    similar = request.GET.get("similar", "")
    if similar.isdigit():
        try:
            extra["similares"] = similares(int(similar), request.user, 10) or []
        except BusquedaNoDisponible:
            extra["similares"] = []
        extra["similar_de"] = int(similar)
    return _pantalla(request, request.user, "busqueda/admin/buscar.html", extra)
