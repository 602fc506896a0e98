"""Live figures of a bien o servicio (its ámbito: área, tema, window services) for a period,
from the same selectors as the statistics: escritos and fichas received, response and wait
times, share answered on time, satisfaction, quejas and denuncias, coyotaje.

These are staff figures (diagnosis, evaluation, improvement); survey averages still need
k answers (FOLIO_ESTADISTICAS_UMBRAL), like every survey report."""

import datetime as dt
from dataclasses import asdict, dataclass, field
from decimal import Decimal

from django.db.models import Avg, Count, Q

from documentos import estadisticas as est
from documentos.models import Escrito

from .. import tiempos
from ..models import Evaluacion, Indicador, RespuestaEncuesta
from ..selectors_encuestas import respuestas, umbral

QUEJAS = (Escrito.Tipo.QUEJA, Escrito.Tipo.DENUNCIA)


@dataclass(frozen=True)
class Ambito:
    """Escritos of the área (and tema); turnos of the servicios, or of the área when none is
    given, unless `con_ventanilla` is False: a trámite with no servicio linked has no turnos
    of its own (the área's belong to its other trámites)."""

    area_id: int | None
    tema_id: int | None = None
    servicio_ids: tuple[int, ...] = field(default_factory=tuple)
    con_ventanilla: bool = True

    @classmethod
    def de_evaluacion(cls, evaluacion: Evaluacion) -> "Ambito":
        servicios = tuple(sorted(evaluacion.servicios.values_list("pk", flat=True)))
        return cls(
            evaluacion.area_id,
            evaluacion.tema_id,
            servicios,
            con_ventanilla=bool(servicios) or evaluacion.tramite_id is None,
        )


@dataclass(frozen=True)
class Cifras:
    desde: dt.date
    hasta: dt.date
    escritos: int
    respondidos: int
    respuesta_mediana: float | None  # business days
    respuesta_p90: float | None
    en_plazo_pct: float | None
    fichas: int
    atendidas: int
    espera_media: float | None  # minutes
    espera_p90: float | None
    encuestas: int
    satisfaccion: float | None  # 1 to 5, None under k answers
    quejas: int  # quejas and denuncias
    coyotaje: int

    def como_dict(self) -> dict:
        datos = asdict(self)
        return {k: (v.isoformat() if isinstance(v, dt.date) else v) for k, v in datos.items()}


def _filtros(ambito: Ambito, desde: dt.date, hasta: dt.date) -> est.Filtros:
    return est.Filtros(desde, hasta, ambito.area_id, ambito.tema_id)


def _fichas(ambito: Ambito, desde: dt.date, hasta: dt.date):
    qs = tiempos.fichas(desde, hasta)
    if not ambito.con_ventanilla:
        return qs.none()
    if ambito.servicio_ids:
        return qs.filter(servicio_id__in=ambito.servicio_ids)
    if ambito.area_id:
        return qs.filter(servicio__area_id=ambito.area_id)
    return qs


def _encuestas(ambito: Ambito, desde: dt.date, hasta: dt.date):
    """Surveys of its turnos, and of its answered escritos (the ones of its tema)."""
    qs = respuestas(desde, hasta)
    if ambito.tema_id:
        qs = qs.filter(Q(escrito__isnull=True) | Q(escrito__tema_id=ambito.tema_id))
    if not ambito.con_ventanilla:
        qs = qs.filter(ficha__isnull=True, servicio__isnull=True)
    if ambito.servicio_ids:
        return qs.filter(
            Q(servicio_id__in=ambito.servicio_ids)
            | Q(servicio__isnull=True, area_id=ambito.area_id)
        )
    if ambito.area_id:
        return qs.filter(area_id=ambito.area_id)
    return qs


def cifras(ambito: Ambito, desde: dt.date, hasta: dt.date) -> Cifras:
    filtros = _filtros(ambito, desde, hasta)
    respuesta = est.tiempo_respuesta(filtros)
    escritos = est.escritos(filtros)
    fichas = list(
        _fichas(ambito, desde, hasta).only(
            "estado", "tomada_en", "llamada_en", "iniciada_en", "terminada_en"
        )
    )
    espera = tiempos.resumir(fichas)
    encuestas = _encuestas(ambito, desde, hasta).aggregate(
        n=Count("pk"),
        media=Avg("satisfaccion"),
        coyotaje=Count("pk", filter=Q(coyotaje=RespuestaEncuesta.Coyotaje.SI)),
    )
    suficiente = encuestas["n"] >= umbral()
    return Cifras(
        desde=desde,
        hasta=hasta,
        escritos=escritos.count(),
        respondidos=respuesta.respondidos,
        respuesta_mediana=respuesta.mediana,
        respuesta_p90=respuesta.percentil_90,
        en_plazo_pct=est.oportunidad(filtros).porcentaje_en_plazo,
        fichas=len(fichas),
        atendidas=espera.atendidos,
        espera_media=espera.espera_media,
        espera_p90=espera.espera_p90,
        encuestas=encuestas["n"],
        satisfaccion=(
            round(encuestas["media"], 2) if suficiente and encuestas["media"] is not None else None
        ),
        quejas=escritos.filter(tipo__in=QUEJAS).count(),
        coyotaje=encuestas["coyotaje"],
    )


_VALOR = {
    Indicador.Calculo.ESPERA_MEDIA: "espera_media",
    Indicador.Calculo.ESPERA_P90: "espera_p90",
    Indicador.Calculo.RESPUESTA_MEDIANA: "respuesta_mediana",
    Indicador.Calculo.EN_PLAZO: "en_plazo_pct",
    Indicador.Calculo.SATISFACCION: "satisfaccion",
    Indicador.Calculo.QUEJAS: "quejas",
}


def medir(calculo: str, ambito: Ambito, desde: dt.date, hasta: dt.date) -> Decimal | None:
    """The value of a computed indicator in the period (None: no data, or manual)."""
    if calculo not in _VALOR:
        return None
    valor = getattr(cifras(ambito, desde, hasta), _VALOR[calculo])
    return None if valor is None else Decimal(str(valor))
