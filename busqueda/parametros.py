"""Query-string validation: DRF serializers that the JSON endpoints, the HTML pages and the
OpenAPI document (drf-spectacular reads the same fields and validators) all share.

The fields are strict in the way the document says: integers are ASCII digits, dates are
AAAA-MM-DD, an empty value is a value (rejected unless a string may be empty), repeated
parameters are lists. Messages are Django's own, in the user's language.
"""

import re
from datetime import date

from django import forms
from django.core import validators
from django.http import QueryDict
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers
from rest_framework.fields import empty

from documentos.models import Escrito, Respuesta

from .consulta import MAX_POR_PAGINA, MAX_RESULTADOS, ORDENES, Consulta

MAX_ID = 2**63 - 1  # ids are bigints on every database
MAX_TEXTO = 500
OPCION_INVALIDA = forms.ChoiceField.default_error_messages["invalid_choice"]
_ENTERO = re.compile(r"-?[0-9]{1,4000}")
_FECHA = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def sin_vacios(datos: QueryDict) -> QueryDict:
    """A browser form's query string: an empty field means the parameter was not given."""
    limpio = QueryDict(mutable=True)
    for nombre, valores in datos.lists():
        if valores := [v for v in valores if v != ""]:
            limpio.setlist(nombre, valores)
    return limpio


class Escalar:
    """One value per parameter (the last one if repeated); "" is a value, not an absence."""

    def get_value(self, dictionary):
        return dictionary.get(self.field_name, empty)


class Texto(Escalar, serializers.CharField):
    def __init__(self, **kwargs):
        super().__init__(
            required=False, allow_blank=True, trim_whitespace=False, max_length=None, **kwargs
        )
        # Django's messages, and validators drf-spectacular turns into maxLength and pattern.
        self.validators = [
            validators.MaxLengthValidator(MAX_TEXTO),
            validators.RegexValidator(
                r"^[^\x00]*$",
                message=validators.ProhibitNullCharactersValidator.message,
                code="null_characters_not_allowed",
            ),
        ]


class Entero(Escalar, serializers.IntegerField):
    """An integer in ASCII digits, bounded by Django validators (documented as min/max)."""

    def __init__(self, minimo: int, maximo: int, **kwargs):
        super().__init__(**kwargs)
        self.validators = [
            validators.MinValueValidator(minimo),
            validators.MaxValueValidator(maximo),
        ]

    def to_internal_value(self, data):
        if not isinstance(data, str) or not _ENTERO.fullmatch(data):
            raise serializers.ValidationError(forms.IntegerField.default_error_messages["invalid"])
        return int(data)


class Fecha(Escalar, serializers.DateField):
    def to_internal_value(self, data):
        try:
            if isinstance(data, str) and _FECHA.fullmatch(data):
                return date.fromisoformat(data)
        except ValueError:
            pass
        raise serializers.ValidationError(forms.DateField.default_error_messages["invalid"])


class Opcion(Escalar, serializers.ChoiceField):
    def to_internal_value(self, data):
        if str(data) not in self.choice_strings_to_values:
            raise serializers.ValidationError(OPCION_INVALIDA % {"value": data})
        return self.choice_strings_to_values[str(data)]


class Opciones(serializers.MultipleChoiceField):
    """A repeatable parameter with fixed values (tipo=a&tipo=b)."""

    def __init__(self, **kwargs):
        super().__init__(required=False, **kwargs)

    def to_internal_value(self, data):
        malos = [v for v in data if str(v) not in self.choice_strings_to_values]
        if malos:
            raise serializers.ValidationError([OPCION_INVALIDA % {"value": v} for v in malos])
        return tuple(super().to_internal_value(data))


class Ids(serializers.ListField):
    """A repeatable id (temas, áreas); an id that does not exist simply matches nothing."""

    def __init__(self, **kwargs):
        super().__init__(child=Entero(1, MAX_ID), required=False, **kwargs)

    def run_child_validation(self, data):
        valores, errores = [], []
        for valor in data:
            try:
                valores.append(self.child.run_validation(valor))
            except serializers.ValidationError:
                errores.append(OPCION_INVALIDA % {"value": valor})
        if errores:
            raise serializers.ValidationError(errores)
        return tuple(dict.fromkeys(valores))


TEXTO_DE_BUSQUEDA = _(
    'Palabras (todas deben aparecer), "frases entre comillas", OR, AND, NOT o un guion '
    "delante para excluir, * al final para prefijos y paréntesis. No importan acentos ni "
    "mayúsculas; singular y plural se encuentran. Cualquier otra sintaxis (campo:valor) es "
    "texto normal."
)


class ConsultaSerializer(serializers.Serializer):
    """A search of the archive: filters, sort and page."""

    q = Texto(label=_("Buscar"), help_text=TEXTO_DE_BUSQUEDA)
    tipo = Opciones(label=_("Tipo"), choices=Escrito.Tipo.choices, help_text=_("Tipo de escrito."))
    tema = Ids(label=_("Tema"), help_text=_("Identificador del tema."))
    area = Ids(label=_("Área"), help_text=_("Identificador del área responsable."))
    estado = Opciones(label=_("Estado"), choices=Escrito.Estado.choices)
    clasificacion = Opciones(
        label=_("Clasificación"),
        choices=Escrito.Clasificacion.choices,
        help_text=_("La búsqueda pública solo contiene escritos públicos."),
    )
    canal = Opciones(label=_("Canal"), choices=Escrito.Canal.choices)
    sentido = Opciones(label=_("Sentido de la respuesta"), choices=Respuesta.Sentido.choices)
    recibido_desde = Fecha(label=_("Recibido desde"), required=False)
    recibido_hasta = Fecha(
        label=_("Recibido hasta"), required=False, help_text=_("Incluido; no antes del inicio.")
    )
    vence_desde = Fecha(label=_("Vence desde"), required=False)
    vence_hasta = Fecha(
        label=_("Vence hasta"), required=False, help_text=_("Incluido; no antes del inicio.")
    )
    orden = Opcion(
        label=_("Ordenar por"),
        required=False,
        choices=list(
            zip(
                ORDENES,
                [_("Relevancia"), _("Más recientes"), _("Más antiguos"), _("Fecha límite")],
                strict=True,
            )
        ),
    )
    pagina = Entero(
        1,
        MAX_RESULTADOS,
        label=_("Página"),
        required=False,
        help_text=format_lazy(
            _("Página de resultados, desde 1; pagina por por_pagina no puede pasar de {n}."),
            n=f"{MAX_RESULTADOS:,}".replace(",", " "),
        ),
    )
    por_pagina = Entero(1, MAX_POR_PAGINA, label=_("Resultados por página"), required=False)

    def validate(self, datos):
        errores = {}
        for desde, hasta in (("recibido_desde", "recibido_hasta"), ("vence_desde", "vence_hasta")):
            if datos.get(desde) and datos.get(hasta) and datos[desde] > datos[hasta]:
                errores[hasta] = [_("La fecha final es anterior a la inicial.")]
        if datos.get("pagina", 1) * datos.get("por_pagina", 20) > MAX_RESULTADOS:
            errores["pagina"] = [
                _("Solo se pueden recorrer los primeros %(n)s resultados; afine la búsqueda.")
                % {"n": f"{MAX_RESULTADOS:,}"}
            ]
        if errores:
            raise serializers.ValidationError(errores)
        return datos

    def consulta(self, *, facetas: bool = True) -> Consulta:
        d = self.validated_data
        return Consulta(
            q=d.get("q", ""),
            tipo=d.get("tipo", ()),
            tema=d.get("tema", ()),
            area=d.get("area", ()),
            estado=d.get("estado", ()),
            clasificacion=d.get("clasificacion", ()),
            canal=d.get("canal", ()),
            sentido=d.get("sentido", ()),
            recibido_desde=d.get("recibido_desde"),
            recibido_hasta=d.get("recibido_hasta"),
            vence_desde=d.get("vence_desde"),
            vence_hasta=d.get("vence_hasta"),
            orden=d.get("orden", "relevancia"),
            pagina=d.get("pagina", 1),
            por_pagina=d.get("por_pagina", 20),
            facetas=facetas,
        )


class PaginasSerializer(serializers.Serializer):
    """A search of the published portal pages: words only."""

    q = Texto(label=_("Buscar"), help_text=TEXTO_DE_BUSQUEDA)
