"""Search screens and JSON endpoints. Thin: validate the query string (busqueda.parametros,
the same serializer for both), call selectors."""

from django.shortcuts import render
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import exceptions
from rest_framework.authentication import SessionAuthentication
from rest_framework.permissions import BasePermission
from rest_framework.response import Response

from documentos.views.staff import prohibido

from . import serializar
from .api import NO_DISPONIBLE, VistaJSON, respuestas
from .parametros import MAX_ID, ConsultaSerializer, Entero, PaginasSerializer, sin_vacios
from .selectors import BusquedaNoDisponible, buscar, buscar_paginas, corregir, similares
from .visibilidad import alcance

SOLO_PERSONAL = gettext_lazy("Inicie sesión con una cuenta del archivo o de un área.")
NO_EXISTE = gettext_lazy("No existe ese escrito.")
_MOTOR = {503: None}
_PERSONAL = {403: SOLO_PERSONAL, 503: None}
_ID = OpenApiParameter(
    "escrito_id",
    {"type": "integer", "minimum": 1, "maximum": MAX_ID},
    OpenApiParameter.PATH,
    description=gettext_lazy("Identificador del escrito (el «id» de un resultado)."),
)


def puede_buscar_en_archivo(usuario) -> bool:
    """Archivists and everyone who may see escritos (their áreas) use the staff search; the
    admin screen is also behind Wagtail's admin-access check."""
    if not (usuario.is_authenticated and usuario.is_active):
        return False
    permitido = alcance(usuario)
    return permitido.todo or bool(permitido.areas)


class PuedeBuscarEnArchivo(BasePermission):
    def has_permission(self, request, view):
        return puede_buscar_en_archivo(request.user)


class _Personal(VistaJSON):
    """Staff endpoints: a session of someone who may search the archive, else 403."""

    authentication_classes = [SessionAuthentication]
    permission_classes = [PuedeBuscarEnArchivo]

    def permission_denied(self, request, message=None, code=None):
        raise exceptions.PermissionDenied(SOLO_PERSONAL)


def _escrito_id(valor: str) -> int:
    """The path's id, checked as the document describes it; anything else is not an escrito."""
    try:
        return Entero(1, MAX_ID).run_validation(valor)
    except exceptions.ValidationError as error:
        raise exceptions.NotFound(NO_EXISTE) from error


def _similares(escrito_id: str, usuario) -> list:
    parecidos = similares(_escrito_id(escrito_id), usuario)
    if parecidos is None:
        raise exceptions.NotFound(NO_EXISTE)
    return parecidos


@method_decorator(cache_control(public=True, max_age=30), name="dispatch")
class BusquedaPublica(VistaJSON):
    @extend_schema(
        operation_id="busqueda",
        summary=gettext_lazy("Buscar en el archivo público"),
        description=gettext_lazy(
            "Solo escritos públicos y publicados, con el asunto y el texto de su versión pública "
            "aprobada; nunca datos del remitente ni el texto original de los escaneos."
        ),
        parameters=[ConsultaSerializer],
        responses=respuestas(
            serializar.ResultadosSerializer,
            gettext_lazy("Resultados, facetas y fragmentos."),
            _MOTOR,
        ),
    )
    def get(self, request):
        consulta = self.parametros(ConsultaSerializer).consulta()
        return Response(serializar.ResultadosSerializer(buscar(consulta, None)).data)


@method_decorator(cache_control(public=True, max_age=30), name="dispatch")
class SimilaresPublicos(VistaJSON):
    @extend_schema(
        operation_id="busqueda_similares",
        summary=gettext_lazy("Escritos públicos parecidos («más como este»)"),
        parameters=[_ID],
        responses=respuestas(
            serializar.SimilaresSerializer,
            gettext_lazy("Hasta cinco escritos públicos parecidos."),
            {404: gettext_lazy("No existe ese escrito o no es público."), 503: None},
        ),
    )
    def get(self, request, escrito_id):
        parecidos = _similares(escrito_id, None)
        return Response(serializar.SimilaresSerializer({"resultados": parecidos}).data)


@method_decorator(cache_control(public=True, max_age=60), name="dispatch")
class Paginas(VistaJSON):
    @extend_schema(
        operation_id="busqueda_paginas",
        summary=gettext_lazy("Buscar en las páginas publicadas del portal"),
        description=gettext_lazy("Trámites, plan anticorrupción, transparencia…"),
        parameters=[PaginasSerializer],
        responses=respuestas(
            serializar.PaginasSerializer, gettext_lazy("Páginas que coinciden."), _MOTOR
        ),
    )
    def get(self, request):
        q = self.parametros(PaginasSerializer).validated_data.get("q", "")
        return Response(serializar.PaginasSerializer({"resultados": buscar_paginas(q)}).data)


@method_decorator(cache_control(private=True, no_store=True), name="dispatch")
class BusquedaInterna(_Personal):
    @extend_schema(
        operation_id="busqueda_interna",
        summary=gettext_lazy("Búsqueda del personal (sesión iniciada)"),
        description=gettext_lazy(
            "Lo que las reglas de visibilidad permiten a quien consulta: el archivo ve todo; el "
            "personal de un área, lo de sus áreas. Incluye el remitente."
        ),
        parameters=[ConsultaSerializer],
        responses=respuestas(
            serializar.ResultadosInternosSerializer,
            gettext_lazy("Resultados con el remitente y enlaces a la administración."),
            _PERSONAL,
        ),
    )
    def get(self, request):
        resultados = buscar(self.parametros(ConsultaSerializer).consulta(), request.user)
        return Response(serializar.ResultadosInternosSerializer(resultados).data)


@method_decorator(cache_control(private=True, no_store=True), name="dispatch")
class SimilaresInternos(_Personal):
    @extend_schema(
        operation_id="busqueda_interna_similares",
        summary=gettext_lazy("Escritos parecidos (personal)"),
        parameters=[_ID],
        responses=respuestas(
            serializar.SimilaresInternosSerializer,
            gettext_lazy("Hasta cinco escritos parecidos que usted puede ver."),
            {**_PERSONAL, 404: gettext_lazy("No existe ese escrito o usted no puede verlo.")},
        ),
    )
    def get(self, request, escrito_id):
        parecidos = _similares(escrito_id, request.user)
        return Response(serializar.SimilaresInternosSerializer({"resultados": parecidos}).data)


def _pantalla(request, usuario, plantilla, extra=None, *, buscar_ahora=True, sugerir=False):
    """The search form and, unless `buscar_ahora` is False, its results; `sugerir`: a
    «¿Quiso decir…?» when the words find nothing."""
    form = ConsultaSerializer(data=sin_vacios(request.GET))
    valido = form.is_valid()
    contexto = {"form": form, "resultados": None, "error": None, **(extra or {})}
    if valido and request.GET:
        consulta = form.consulta()
        try:
            if buscar_ahora:
                contexto["resultados"] = resultados = buscar(consulta, usuario)
                if sugerir and not resultados.total and consulta.q and consulta.pagina == 1:
                    contexto["quiso_decir"] = corregir(consulta, usuario)
            if usuario is None and consulta.q and consulta.pagina == 1:
                contexto["paginas_portal"] = buscar_paginas(consulta.q, 5)
        except BusquedaNoDisponible:
            contexto["error"] = NO_DISPONIBLE
        contexto["consulta"] = consulta
        contexto["filtros"] = _filtros_activos(request)
    status = 503 if contexto["error"] else (200 if valido else 400)
    return render(request, plantilla, contexto, status=status)


def _filtros_activos(request) -> str:
    """The query string without the page number nor «más como este» (for facet, chip and
    pagination links)."""
    copia = request.GET.copy()
    copia.pop("pagina", None)
    copia.pop("similar", None)
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
    if similar.isascii() and similar.isdigit() and 0 < int(similar) <= MAX_ID:
        # «Más como este» lists only the similar escritos, not the search's results again.
        try:
            extra["similares"] = similares(int(similar), request.user, 10) or []
        except BusquedaNoDisponible:
            extra["similares"] = []
        extra["similar_de"] = int(similar)
    return _pantalla(
        request,
        request.user,
        "busqueda/admin/buscar.html",
        extra,
        buscar_ahora="similares" not in extra,
        sugerir=True,
    )
