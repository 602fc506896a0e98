"""Survey results for staff (the admin report) and the public statistics.

A group of fewer than FOLIO_ESTADISTICAS_UMBRAL (k = 5) answers shows its count but no
averages: with so few, a score or a share could point at one citizen. A servidor's own
results follow the same rule, and a servidor with fewer than k answers is not listed."""

import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Avg, Count, F, FloatField, Q, QuerySet
from django.db.models.fields.json import KT
from django.db.models.functions import Cast, TruncMonth

from .models import RespuestaEncuesta

ESCALAS = ("trato", "claridad", "espera", "instalaciones")
DIMENSIONES = {
    "area": F("area__nombre"),
    "servicio": F("servicio__nombre"),
    "sede": F("sede__nombre"),
    "ventanilla": F("ventanilla__numero"),
    "servidor": F("servidor_id"),
    "mes": TruncMonth("respondida_en"),
}


def umbral() -> int:
    return settings.FOLIO_ESTADISTICAS_UMBRAL


@dataclass
class Resultado:
    clave: object  # the área's / servicio's name, ventanilla number, user id, month
    respuestas: int
    satisfaccion: float | None
    escalas: dict[str, float | None]
    recomendacion: float | None
    resueltos_pct: float | None
    coyotaje: int

    @property
    def suficiente(self) -> bool:
        return self.respuestas >= umbral()


def _promedio(clave: str):
    return Avg(Cast(KT(f"valores__{clave}"), FloatField()))


def respuestas(desde: dt.date | None = None, hasta: dt.date | None = None) -> QuerySet:
    consulta = RespuestaEncuesta.objects.all()
    if desde:
        consulta = consulta.filter(respondida_en__date__gte=desde)
    if hasta:
        consulta = consulta.filter(respondida_en__date__lte=hasta)
    return consulta


def _redondeo(valor, digitos=1):
    return None if valor is None else round(valor, digitos)


def resultados(dimension: str, consulta: QuerySet | None = None) -> list[Resultado]:
    """One row per value of the dimension (most answers first); averages only from k."""
    consulta = respuestas() if consulta is None else consulta
    filas = (
        consulta.annotate(clave=DIMENSIONES[dimension])
        .values("clave")
        .annotate(
            n=Count("pk"),
            satisfaccion_media=Avg("satisfaccion"),
            recomendacion_media=_promedio("recomendacion"),
            con_resuelto=Count("pk", filter=Q(valores__has_key="resuelto")),
            resueltos=Count("pk", filter=Q(valores__resuelto="si")),
            coyotajes=Count("pk", filter=Q(coyotaje=RespuestaEncuesta.Coyotaje.SI)),
            **{f"media_{e}": _promedio(e) for e in ESCALAS},
        )
        .order_by("-n", "clave")
    )
    resultado = []
    for fila in filas:
        suficiente = fila["n"] >= umbral()
        resultado.append(
            Resultado(
                clave=fila["clave"],
                respuestas=fila["n"],
                satisfaccion=_redondeo(fila["satisfaccion_media"]) if suficiente else None,
                escalas={e: _redondeo(fila[f"media_{e}"]) if suficiente else None for e in ESCALAS},
                recomendacion=_redondeo(fila["recomendacion_media"]) if suficiente else None,
                resueltos_pct=(
                    _redondeo(100 * fila["resueltos"] / fila["con_resuelto"])
                    if suficiente and fila["con_resuelto"]
                    else None
                ),
                coyotaje=fila["coyotajes"] if suficiente else 0,
            )
        )
    return resultado


def por_servidor(consulta: QuerySet | None = None) -> list[Resultado]:
    """Only servidores with at least k answers are listed."""
    consulta = respuestas() if consulta is None else consulta
    return [
        r for r in resultados("servidor", consulta.filter(servidor__isnull=False)) if r.suficiente
    ]


def de_servidor(usuario, consulta: QuerySet | None = None) -> Resultado | None:
    """A servidor's own results (None under k answers)."""
    consulta = respuestas() if consulta is None else consulta
    filas = por_servidor(consulta.filter(servidor=usuario))
    return filas[0] if filas else None


def denuncias_por_coyotaje(consulta: QuerySet | None = None) -> QuerySet:
    """The answers that filed a denuncia (for the Contraloría), newest first."""
    consulta = respuestas() if consulta is None else consulta
    return consulta.filter(denuncia__isnull=False).select_related(
        "denuncia", "servicio", "sede", "ventanilla", "area"
    )


def satisfaccion_publica(
    dimension: str, consulta: QuerySet
) -> list[tuple[object, int, float | None]]:
    """(área or servicio name, answers, raw average satisfaction) for the public statistics,
    which apply their own secreto estadístico (cms.secreto_estadistico)."""
    filas = (
        consulta.annotate(clave=DIMENSIONES[dimension])
        .values("clave")
        .annotate(n=Count("pk", filter=Q(satisfaccion__isnull=False)), media=Avg("satisfaccion"))
        .filter(n__gt=0)
        .order_by("-n", "clave")
    )
    return [(f["clave"], f["n"], _redondeo(f["media"], 2)) for f in filas]
