"""The statistics filters (period in whole months, área): one DRF serializer for the JSON API,
the statistics page and its downloads, and the OpenAPI document.

Whole months, never days: two overlapping day ranges could be differenced to single out one
person's escrito. The period ends at the current month at the latest (today for that month)
and lasts five years at most.
"""

import calendar
import datetime as dt

from django.core.validators import RegexValidator
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from busqueda.parametros import MAX_ID, Entero, Escalar
from documentos import estadisticas as est

MAX_MESES = 60
MESES_POR_DEFECTO = 12


MES_INVALIDO = _("Introduzca un mes válido, como AAAA-MM (por ejemplo, 2026-01).")


class Mes(Escalar, serializers.CharField):
    """A month as AAAA-MM (year 1000 or later); the pattern is what OpenAPI documents."""

    def __init__(self, **kwargs):
        super().__init__(required=False, error_messages={"blank": MES_INVALIDO}, **kwargs)
        self.validators = [
            RegexValidator(r"^[1-9][0-9]{3}-(0[1-9]|1[0-2])$", message=MES_INVALIDO, code="invalid")
        ]


def _indice(mes: str) -> int:
    """AAAA-MM as a count of months, so that periods are simple subtractions."""
    mes = mes.strip()
    return int(mes[:4]) * 12 + int(mes[5:7]) - 1


def _primer_dia(indice: int) -> dt.date:
    return dt.date(indice // 12, indice % 12 + 1, 1)


def _ultimo_dia(indice: int) -> dt.date:
    anio, mes = indice // 12, indice % 12 + 1
    return dt.date(anio, mes, calendar.monthrange(anio, mes)[1])


def _texto(indice: int) -> str:
    return f"{indice // 12:04d}-{indice % 12 + 1:02d}"


class FiltrosEstadisticasSerializer(serializers.Serializer):
    """Pass `context={"meses": n}` for a default period other than the last 12 months."""

    desde = Mes(
        label=_("Desde (mes)"),
        help_text=_("Primer mes del periodo, AAAA-MM. Por defecto, 11 meses antes de «hasta»."),
    )
    hasta = Mes(
        label=_("Hasta (mes)"),
        help_text=_(
            "Último mes del periodo, AAAA-MM, incluido (el mes actual, hasta hoy). Por defecto, "
            "el mes actual; nunca uno posterior. Periodos de cinco años como máximo."
        ),
    )
    area = Entero(
        1,
        MAX_ID,
        label=_("Área"),
        required=False,
        help_text=_(
            "Identificador del área responsable; sin él, todas. Un área que no existe no "
            "cuenta ningún escrito."
        ),
    )

    def validate(self, datos):
        hoy = timezone.localdate()
        actual = hoy.year * 12 + hoy.month - 1
        meses = min(max(self.context.get("meses", MESES_POR_DEFECTO), 1), MAX_MESES)
        hasta = _indice(datos["hasta"]) if datos.get("hasta") else actual
        desde = _indice(datos["desde"]) if datos.get("desde") else max(hasta - meses + 1, 12)
        if hasta > actual:
            raise serializers.ValidationError(
                {
                    "hasta": [
                        _("El periodo no puede terminar después del mes actual (%(mes)s).")
                        % {"mes": _texto(actual)}
                    ]
                }
            )
        if desde > hasta:
            raise serializers.ValidationError(
                _("El mes «desde» debe ser anterior o igual al mes «hasta».")
            )
        if hasta - desde + 1 > MAX_MESES:
            raise serializers.ValidationError(_("Elija un periodo de cinco años o menos."))
        datos["filtros"] = est.Filtros(
            _primer_dia(desde), min(_ultimo_dia(hasta), hoy), datos.get("area")
        )
        return datos


def filtros_de(datos, meses: int = MESES_POR_DEFECTO):
    """The validated serializer and its filters; the default period when the input is bad."""
    serializer = FiltrosEstadisticasSerializer(data=datos, context={"meses": meses})
    if serializer.is_valid():
        return serializer, serializer.validated_data["filtros"]
    por_defecto = FiltrosEstadisticasSerializer(data={}, context={"meses": meses})
    por_defecto.is_valid(raise_exception=True)
    return serializer, por_defecto.validated_data["filtros"]
