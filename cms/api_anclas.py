"""Public JSON list of the bitácora's daily anchors (documentos.services.anclas): what each
one signed and where to download its payload and signature. Nothing of the entries."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.response import Response

from busqueda.api import VistaJSON, respuestas
from busqueda.serializar import Iso
from documentos.models import AnclaBitacora

CACHE = "public, max-age=300"


class AnclaSerializer(serializers.Serializer):
    fecha = serializers.DateField(help_text=_("Día del ancla."))
    entradas = serializers.IntegerField(
        min_value=0, help_text=_("Registros de la bitácora hasta la última entrada firmada.")
    )
    cabeza = serializers.RegexField(
        r"^[0-9a-f]{64}$", help_text=_("Hash de la última entrada firmada (la cabeza).")
    )
    ultima_id = serializers.IntegerField(
        allow_null=True, help_text=_("Número de la última entrada firmada.")
    )
    sello_serie = serializers.CharField(help_text=_("Serie del certificado de sello (hex)."))
    sello_emisor = serializers.CharField(help_text=_("Emisor del certificado de sello."))
    creada_en = Iso(help_text=_("Cuándo se firmó."))
    carga = serializers.SerializerMethodField(
        help_text=_("Descarga del contenido firmado (JSON canónico).")
    )
    firma = serializers.SerializerMethodField(
        help_text=_("Descarga de la firma CMS separada del contenido (DER, .p7s).")
    )

    def get_carga(self, ancla) -> str:
        return reverse("ancla_carga", args=[f"{ancla.fecha:%Y-%m-%d}"])

    def get_firma(self, ancla) -> str:
        return reverse("ancla_firma", args=[f"{ancla.fecha:%Y-%m-%d}"])


class AnclasSerializer(serializers.Serializer):
    anclas = AnclaSerializer(many=True, help_text=_("La más reciente primero."))


class Anclas(VistaJSON):
    @extend_schema(
        operation_id="anclas_bitacora",
        summary=_("Anclas diarias de la bitácora, firmadas con el sello de la institución"),
        responses=respuestas(AnclasSerializer, _("Todas las anclas publicadas.")),
    )
    def get(self, request):
        anclas = AnclaBitacora.objects.order_by("-fecha").defer("firma", "carga")
        respuesta = Response(AnclasSerializer({"anclas": anclas}).data)
        respuesta["Cache-Control"] = CACHE
        return respuesta
