"""Wait and service times of the fichas, in minutes.

Wait: llamada_en - tomada_en (a ficha called again counts from its last call). Service:
terminada_en - iniciada_en, for fichas attended to the end. Figures per servicio, ventanilla,
servidor (staff only, never public) or hour of the day the ficha was taken, for a date range
(the fichas' local dates, both ends included)."""

import datetime as dt
import statistics
from collections import defaultdict
from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext as _

from documentos.estadisticas import _percentil

from .models import Ficha

E = Ficha.Estado
AGRUPACIONES = ("servicio", "ventanilla", "servidor", "hora")


@dataclass(frozen=True)
class Tiempos:
    clave: object
    etiqueta: str
    atendidos: int
    ausentes: int
    llamados: int  # fichas with a measured wait
    espera_media: float | None
    espera_p90: float | None
    atencion_media: float | None


def _minutos(desde: dt.datetime | None, hasta: dt.datetime | None) -> float | None:
    if desde is None or hasta is None:
        return None
    return max((hasta - desde).total_seconds(), 0) / 60


def _redondo(valor: float | None) -> float | None:
    return None if valor is None else round(valor, 1)


def fichas(desde: dt.date, hasta: dt.date, *, sede=None, area_id: int | None = None):
    qs = Ficha.objects.filter(fecha__gte=desde, fecha__lte=hasta)
    if sede is not None:
        qs = qs.filter(sede=sede)
    if area_id:
        qs = qs.filter(servicio__area_id=area_id)
    return qs


def _clave(ficha: Ficha, agrupar: str) -> tuple[object, str]:
    if agrupar == "servicio":
        return ficha.servicio_id, ficha.servicio.nombre
    if agrupar == "ventanilla":
        return (ficha.ventanilla_id, str(ficha.ventanilla)) if ficha.ventanilla_id else (None, "")
    if agrupar == "servidor":
        persona = ficha.atendida_por
        if persona is None:
            return None, ""
        return persona.pk, persona.get_full_name() or persona.get_username()
    hora = timezone.localtime(ficha.tomada_en).hour
    return hora, f"{hora:02d}:00"


def resumir(grupo: list[Ficha], clave=None, etiqueta: str = "") -> Tiempos:
    esperas = [m for f in grupo if (m := _minutos(f.tomada_en, f.llamada_en)) is not None]
    atenciones = [
        m
        for f in grupo
        if f.estado == E.TERMINADA and (m := _minutos(f.iniciada_en, f.terminada_en)) is not None
    ]
    return Tiempos(
        clave=clave,
        etiqueta=etiqueta,
        atendidos=sum(f.estado == E.TERMINADA for f in grupo),
        ausentes=sum(f.estado == E.NO_SE_PRESENTO for f in grupo),
        llamados=len(esperas),
        espera_media=_redondo(statistics.fmean(esperas)) if esperas else None,
        espera_p90=_redondo(_percentil(esperas, 0.9)) if esperas else None,
        atencion_media=_redondo(statistics.fmean(atenciones)) if atenciones else None,
    )


def por(agrupar: str, desde: dt.date, hasta: dt.date, *, sede=None) -> list[Tiempos]:
    """One row per servicio, ventanilla, servidor or hour with fichas in the range."""
    if agrupar not in AGRUPACIONES:
        raise ValueError(agrupar)
    qs = fichas(desde, hasta, sede=sede).select_related("servicio", "ventanilla", "atendida_por")
    campo = {"ventanilla": "ventanilla", "servidor": "atendida_por"}.get(agrupar)
    if campo:
        qs = qs.filter(**{f"{campo}__isnull": False})
    grupos: dict[tuple, list[Ficha]] = defaultdict(list)
    for ficha in qs:
        grupos[_clave(ficha, agrupar)].append(ficha)
    filas = [resumir(grupo, clave, etiqueta) for (clave, etiqueta), grupo in grupos.items()]
    if agrupar == "hora":
        return sorted(filas, key=lambda t: t.clave)
    return sorted(filas, key=lambda t: t.etiqueta.casefold())


def de_hoy(sede=None) -> dict[str, list[Tiempos]]:
    """Today's figures for the supervisor screen."""
    hoy = timezone.localdate()
    return {agrupar: por(agrupar, hoy, hoy, sede=sede) for agrupar in AGRUPACIONES[:3]}


def espera_por_sede(desde: dt.date, hasta: dt.date, *, area_id=None) -> list[tuple[str, Tiempos]]:
    """Public: the mean wait per sede (no person, no window)."""
    grupos: dict[str, list[Ficha]] = defaultdict(list)
    qs = fichas(desde, hasta, area_id=area_id).select_related("sede")
    for ficha in qs.only("sede__nombre", "estado", "tomada_en", "llamada_en"):
        grupos[ficha.sede.nombre].append(ficha)
    return sorted((sede, resumir(grupo)) for sede, grupo in grupos.items())


def espera_por_sede_y_mes(
    desde: dt.date, hasta: dt.date, *, area_id=None
) -> dict[str, dict[dt.date, Tiempos]]:
    """Public: the mean wait per sede and month (first day of the month as key)."""
    grupos: dict[str, dict[dt.date, list[Ficha]]] = defaultdict(lambda: defaultdict(list))
    qs = fichas(desde, hasta, area_id=area_id).select_related("sede")
    for ficha in qs.only("sede__nombre", "fecha", "estado", "tomada_en", "llamada_en"):
        grupos[ficha.sede.nombre][ficha.fecha.replace(day=1)].append(ficha)
    return {
        sede: {mes: resumir(grupo) for mes, grupo in sorted(meses.items())}
        for sede, meses in sorted(grupos.items())
    }


def etiquetas(agrupar: str) -> tuple[str, str]:
    """The title of a table of today's figures and the header of its first column."""
    return {
        "servicio": (_("Por servicio"), _("Servicio")),
        "ventanilla": (_("Por ventanilla"), _("Ventanilla")),
        "servidor": (_("Por servidor público"), _("Servidor público")),
        "hora": (_("Por hora del día"), _("Hora")),
    }[agrupar]
