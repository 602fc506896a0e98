"""Search results as JSON: DRF serializers that write the responses and document them in
OpenAPI. The public never gets a remitente or an admin link: its links go to the versión
pública (its PDF and page images); staff get both the remitente and admin links."""

from functools import lru_cache

from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers


@lru_cache(maxsize=1)
def _plantilla_escrito() -> str:
    return reverse("documentos_admin:escrito", args=[987654321]).replace("987654321", "{}")


def url_escaneo(escrito_id: int, fragmento=None, q: str = "") -> str:
    """The escrito's admin page, its viewer opened at the matched page when there is one
    (with the query `q`, whose words the viewer highlights)."""
    url = _plantilla_escrito().format(escrito_id)
    if fragmento is not None and fragmento.archivo_id:
        datos = {"archivo": fragmento.archivo_id, "pagina": fragmento.pagina}
        if q:
            datos["q"] = q
        url += f"?{urlencode(datos)}#visor-section"
    return url


def url_version_publica(folio: str, fragmento=None) -> str:
    """The versión pública's PDF, or the image of the matched page (counted across it)."""
    if fragmento is not None and fragmento.pagina_global:
        return reverse("documentos:version_publica_pagina", args=[folio, fragmento.pagina_global])
    return reverse("documentos:version_publica_pdf", args=[folio])


class Iso(serializers.DateTimeField):
    """A date-time as Python writes it (ISO 8601 with its offset), or null."""

    def to_representation(self, value):
        return value.isoformat() if value else None


class IsoFecha(serializers.DateField):
    def to_representation(self, value):
        return value.isoformat() if value else None


class FragmentoSerializer(serializers.Serializer):
    html = serializers.CharField(help_text=_("Texto escapado; solo <mark> marca lo que coincide."))
    archivo_id = serializers.IntegerField(allow_null=True)
    pagina = serializers.IntegerField(allow_null=True, help_text=_("Página dentro del archivo."))
    pagina_global = serializers.IntegerField(
        allow_null=True, help_text=_("Página contada en todos los archivos del escrito.")
    )


class FragmentoPublicoSerializer(FragmentoSerializer):
    pagina_global = serializers.IntegerField(
        allow_null=True, help_text=_("Página contada en toda la versión pública.")
    )
    url = serializers.CharField(
        required=False, help_text=_("La imagen de esa página de la versión pública.")
    )


class FragmentoInternoSerializer(FragmentoSerializer):
    url = serializers.CharField(
        required=False, help_text=_("El visor del escaneo abierto en esa página.")
    )


class _Resultado(serializers.Serializer):
    id = serializers.IntegerField(source="escrito_id")
    folio = serializers.CharField()
    tipo = serializers.CharField()
    estado = serializers.CharField()
    clasificacion = serializers.CharField()
    asunto = serializers.CharField()
    tema = serializers.CharField(allow_null=True)
    area = serializers.CharField(allow_null=True)
    recibido_en = Iso(allow_null=True)
    vence_en = IsoFecha(allow_null=True)
    puntuacion = serializers.FloatField()


class ResultadoSerializer(_Resultado):
    """A public result: what its versión pública says, linked to its PDF and pages."""

    asunto = serializers.CharField(help_text=_("El asunto de la versión pública."))
    fragmentos = FragmentoPublicoSerializer(
        many=True, help_text=_("Del asunto y del texto de la versión pública.")
    )
    url = serializers.SerializerMethodField(help_text=_("El PDF de la versión pública."))

    def get_url(self, r) -> str:
        return url_version_publica(r.folio)

    def to_representation(self, r):
        datos = super().to_representation(r)
        for fragmento, salida in zip(r.fragmentos, datos["fragmentos"], strict=True):
            if fragmento.pagina_global:
                salida["url"] = url_version_publica(r.folio, fragmento)
        return datos


class ResultadoInternoSerializer(_Resultado):
    fragmentos = FragmentoInternoSerializer(many=True)
    remitente = serializers.CharField(allow_null=True)
    url = serializers.SerializerMethodField(help_text=_("Página del escrito en la administración."))

    def get_url(self, r) -> str:
        return url_escaneo(r.escrito_id)

    def to_representation(self, r):
        datos = super().to_representation(r)
        for fragmento, salida in zip(r.fragmentos, datos["fragmentos"], strict=True):
            if fragmento.archivo_id:
                salida["url"] = url_escaneo(r.escrito_id, fragmento)
        return datos


class ValorFacetaSerializer(serializers.Serializer):
    valor = serializers.CharField()
    etiqueta = serializers.CharField()
    cuenta = serializers.IntegerField()
    activo = serializers.BooleanField()


class ResultadosSerializer(serializers.Serializer):
    total = serializers.IntegerField(
        help_text=_("Escritos que coinciden; si «aproximado», al menos ese número.")
    )
    aproximado = serializers.BooleanField(
        help_text=_(
            "La base de datos dejó de contar en ese número («más de N»): el total es un mínimo "
            "y las cuentas de los filtros son las de los primeros N escritos."
        )
    )
    pagina = serializers.IntegerField()
    por_pagina = serializers.IntegerField()
    paginas = serializers.IntegerField()
    motor = serializers.ChoiceField(choices=["elasticsearch", "base_de_datos"])
    resultados = ResultadoSerializer(many=True)
    facetas = serializers.DictField(
        child=ValorFacetaSerializer(many=True),
        help_text=_(
            "Cuentas por valor de cada filtro (tipo, tema, area, estado, clasificacion, canal, "
            "sentido, anio) para la búsqueda actual."
        ),
    )


class ResultadosInternosSerializer(ResultadosSerializer):
    resultados = ResultadoInternoSerializer(many=True)


class SimilaresSerializer(serializers.Serializer):
    resultados = ResultadoSerializer(many=True, help_text=_("Hasta cinco escritos parecidos."))


class SimilaresInternosSerializer(serializers.Serializer):
    resultados = ResultadoInternoSerializer(
        many=True, help_text=_("Hasta cinco escritos parecidos.")
    )


class PaginaSerializer(serializers.Serializer):
    id = serializers.IntegerField(source="page_id")
    titulo = serializers.CharField()
    url = serializers.CharField()
    tipo = serializers.CharField()
    html = serializers.CharField(source="fragmento")


class PaginasSerializer(serializers.Serializer):
    resultados = PaginaSerializer(many=True, help_text=_("Hasta diez páginas publicadas."))
