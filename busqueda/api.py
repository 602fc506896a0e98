"""What every Folio JSON endpoint shares (search here, statistics in cms): DRF views that
answer JSON only, check the method before anything else and shape errors one way:
`{"errores": {campo: [mensajes]}}` for bad parameters (400), `{"error": mensaje}` otherwise.
"""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiResponse
from rest_framework import exceptions, serializers
from rest_framework.metadata import BaseMetadata
from rest_framework.negotiation import BaseContentNegotiation
from rest_framework.permissions import AllowAny
from rest_framework.renderers import JSONRenderer
from rest_framework.views import APIView, exception_handler

from .selectors import BusquedaNoDisponible

NO_DISPONIBLE = _(
    "La búsqueda no está disponible en este momento. Intente de nuevo en unos minutos."
)


class SiempreJSON(BaseContentNegotiation):
    """JSON whatever the Accept header or ?format= say (the only representation there is)."""

    def select_parser(self, request, parsers):
        return parsers[0] if parsers else None

    def select_renderer(self, request, renderers, format_suffix=None):
        return renderers[0], renderers[0].media_type


class Metodos(BaseMetadata):
    """OPTIONS: the methods and where the documentation is (not DRF's view docstrings)."""

    def determine_metadata(self, request, view):
        return {"metodos": view.allowed_methods, "documentacion": "/api/esquema/"}


class MetodoNoPermitido(exceptions.MethodNotAllowed):
    default_detail = _("Método «{method}» no permitido: use GET.")


def errores_json(exc, context):
    """DRF's handler with Folio's error shapes and the engine's outage as 503."""
    if isinstance(exc, BusquedaNoDisponible):
        exc = exceptions.APIException(NO_DISPONIBLE)
        exc.status_code = 503
    respuesta = exception_handler(exc, context)
    if respuesta is None:
        return None
    if isinstance(exc, exceptions.ValidationError):
        detalle = exc.detail if isinstance(exc.detail, dict) else {"__all__": exc.detail}
        respuesta.data = {"errores": detalle}
    else:
        respuesta.data = {"error": str(exc.detail)}
    return respuesta


class VistaJSON(APIView):
    """A read-only JSON endpoint. Anonymous unless a subclass sets authentication classes."""

    renderer_classes = [JSONRenderer]
    parser_classes = []
    content_negotiation_class = SiempreJSON
    metadata_class = Metodos
    authentication_classes = []
    permission_classes = [AllowAny]

    def initial(self, request, *args, **kwargs):
        # Before authentication, permissions and CSRF: an unknown method is a 405, never a 403.
        metodo = request.method.lower()
        if metodo not in self.http_method_names or not hasattr(self, metodo):
            raise MetodoNoPermitido(request.method)
        super().initial(request, *args, **kwargs)

    def get_exception_handler(self):
        return errores_json

    def parametros(self, clase, **contexto):
        """The query string validated by this serializer class, or a 400 with its messages."""
        serializer = clase(data=self.request.query_params, context=contexto)
        serializer.is_valid(raise_exception=True)
        return serializer


ERRORES = {
    400: _("Parámetros inválidos, con sus mensajes por parámetro; nada se calculó."),
    403: _("Sin sesión o sin permiso."),
    404: _("No existe."),
    405: _("Solo se admite GET (además de HEAD y OPTIONS)."),
    503: NO_DISPONIBLE,
}


class ErrorSerializer(serializers.Serializer):
    error = serializers.CharField(help_text=_("Qué pasó, en español."))


class ErroresSerializer(serializers.Serializer):
    errores = serializers.DictField(
        child=serializers.ListField(child=serializers.CharField()),
        help_text=_(
            "Mensajes por parámetro; «__all__» para los que afectan a varios. Nada se calculó."
        ),
    )


def respuestas(ok, descripcion: str, otros: dict | None = None) -> dict:
    """extend_schema responses: 200 with `ok`, 400 and 405 always, and the `otros` codes
    (each with its description, or None for the usual one)."""
    return {
        200: OpenApiResponse(ok, description=descripcion),
        **{
            codigo: OpenApiResponse(
                ErroresSerializer if codigo == 400 else ErrorSerializer,
                description=texto or ERRORES[codigo],
            )
            for codigo, texto in {400: None, 405: None, **(otros or {})}.items()
        },
    }
