"""Aggregate statistics of escritos for the public portal (selectors, counts only).

Nothing here returns a remitente, a folio or any text of an escrito: only counts and
durations. Reservado and confidencial escritos are counted like any other (a count reveals
nothing about them); cancelled escritos are left out.
"""

import datetime as dt
import statistics
from dataclasses import asdict, dataclass

from django.db.models import Count, F, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import ExtractMonth, ExtractYear, TruncDate, TruncMonth
from django.utils import timezone

from .models import Area, Escrito, Respuesta
from .plazos import dias_habiles_entre


@dataclass(frozen=True)
class Filtros:
    desde: dt.date
    hasta: dt.date
    area_id: int | None = None
    tema_id: int | None = None

    def como_dict(self) -> dict:
        """The filters as published with the downloads (the tema only when one was asked:
        the public statistics do not filter by tema)."""
        datos = asdict(self)
        if datos["tema_id"] is None:
            del datos["tema_id"]
        return {k: (v.isoformat() if isinstance(v, dt.date) else v) for k, v in datos.items()}


def escritos(filtros: Filtros) -> QuerySet[Escrito]:
    """Escritos received in the period (local dates, both ends included), área and tema."""
    qs = Escrito.objects.exclude(estado=Escrito.Estado.CANCELADO).filter(
        recibido_en__date__gte=filtros.desde, recibido_en__date__lte=filtros.hasta
    )
    if filtros.area_id:
        qs = qs.filter(area_responsable_id=filtros.area_id)
    if filtros.tema_id:
        qs = qs.filter(tema_id=filtros.tema_id)
    return qs


def total(filtros: Filtros) -> int:
    return escritos(filtros).count()


def por_dia(filtros: Filtros) -> list[tuple[dt.date, int]]:
    cuentas = dict(
        escritos(filtros)
        .annotate(dia=TruncDate("recibido_en"))
        .values_list("dia")
        .annotate(n=Count("pk"))
        .values_list("dia", "n")
    )
    dias = (filtros.hasta - filtros.desde).days + 1
    return [
        (dia, cuentas.get(dia, 0))
        for dia in (filtros.desde + dt.timedelta(days=i) for i in range(dias))
    ]


def _meses(desde: dt.date, hasta: dt.date):
    mes = desde.replace(day=1)
    while mes <= hasta:
        yield mes
        mes = dt.date(mes.year + (mes.month == 12), mes.month % 12 + 1, 1)


def por_mes(filtros: Filtros) -> list[tuple[dt.date, int]]:
    """Counts per calendar month of the period (first day of each month), zeros included."""
    cuentas = {}
    for mes, n in (
        escritos(filtros)
        .annotate(mes=TruncMonth("recibido_en"))
        .values_list("mes")
        .annotate(n=Count("pk"))
        .values_list("mes", "n")
    ):
        clave = mes.date() if isinstance(mes, dt.datetime) else mes
        cuentas[clave] = n
    return [(mes, cuentas.get(mes, 0)) for mes in _meses(filtros.desde, filtros.hasta)]


def por_mes_del_anio(filtros: Filtros) -> list[tuple[int, int]]:
    """Counts per month of the year (1-12) over the whole period: which months are busiest."""
    cuentas = dict(
        escritos(filtros)
        .annotate(m=ExtractMonth("recibido_en"))
        .values_list("m")
        .annotate(n=Count("pk"))
        .values_list("m", "n")
    )
    return [(m, cuentas.get(m, 0)) for m in range(1, 13)]


def comparativo_anual(filtros: Filtros, anios: int = 3) -> dict[int, list[int | None]]:
    """Counts per month for the last `anios` years up to the period's end (área filter kept).

    Months after the period's end are None (not yet happened), not zero.
    """
    ultimo = filtros.hasta.year
    base = Filtros(dt.date(ultimo - anios + 1, 1, 1), dt.date(ultimo, 12, 31), filtros.area_id)
    serie = {anio: [0] * 12 for anio in range(ultimo - anios + 1, ultimo + 1)}
    for anio, mes, n in (
        escritos(base)
        .annotate(a=ExtractYear("recibido_en"), m=ExtractMonth("recibido_en"))
        .values_list("a", "m")
        .annotate(n=Count("pk"))
        .values_list("a", "m", "n")
    ):
        serie[anio][mes - 1] = n
    for mes in range(filtros.hasta.month + 1, 13):
        serie[ultimo][mes - 1] = None
    return serie


def por_area(filtros: Filtros, limite: int = 10) -> list[tuple[str, int]]:
    filas = (
        escritos(filtros)
        .exclude(area_responsable=None)
        .values_list("area_responsable")
        .annotate(n=Count("pk"))
        .order_by("-n", "area_responsable")
        .values_list("area_responsable", "n")[:limite]
    )
    nombres = dict(Area.objects.values_list("pk", "nombre"))
    return [(nombres[pk], n) for pk, n in filas]


def por_tema(filtros: Filtros, limite: int = 10) -> list[tuple[str | None, int]]:
    """Most requested temas; None stands for escritos without a tema."""
    filas = (
        escritos(filtros)
        .values_list("tema__nombre")
        .annotate(n=Count("pk"))
        .order_by("-n", "tema__nombre")
        .values_list("tema__nombre", "n")[:limite]
    )
    return list(filas)


def por_sexo(filtros: Filtros) -> list[tuple[str, int]]:
    """Personas físicas by the sexo they declared (personas morales are not counted)."""
    cuentas = dict(
        escritos(filtros)
        .filter(remitente_tipo=Escrito.TipoPersona.FISICA)
        .values_list("remitente_sexo")
        .annotate(n=Count("pk"))
        .values_list("remitente_sexo", "n")
    )
    return [(valor, cuentas.get(valor, 0)) for valor in Escrito.Sexo.values]


def _primera_respuesta(qs: QuerySet[Escrito]) -> QuerySet[Escrito]:
    """Annotate `primera`: the date of the escrito's first answer (None if unanswered)."""
    primera = Respuesta.objects.filter(escrito=OuterRef("pk")).order_by("fecha", "pk")
    return qs.annotate(primera=Subquery(primera.values("fecha")[:1]))


def sentido(filtros: Filtros) -> list[tuple[str, int]]:
    """Sentido of the latest answer of each answered escrito."""
    ultima = Respuesta.objects.filter(escrito=OuterRef("pk")).order_by("-fecha", "-pk")
    cuentas = dict(
        escritos(filtros)
        .annotate(s=Subquery(ultima.values("sentido")[:1]))
        .exclude(s=None)
        .values_list("s")
        .annotate(n=Count("pk"))
        .values_list("s", "n")
    )
    return [(valor, cuentas.get(valor, 0)) for valor in Respuesta.Sentido.values]


@dataclass(frozen=True)
class TiempoRespuesta:
    respondidos: int
    mediana: float | None
    percentil_90: float | None


def _percentil(valores: list[int], p: float) -> float:
    """Linear interpolation between closest ranks (as numpy's default)."""
    orden = sorted(valores)
    if len(orden) == 1:
        return float(orden[0])
    posicion = (len(orden) - 1) * p
    bajo = int(posicion)
    alto = min(bajo + 1, len(orden) - 1)
    return orden[bajo] + (orden[alto] - orden[bajo]) * (posicion - bajo)


def tiempo_respuesta(filtros: Filtros) -> TiempoRespuesta:
    """Business days from reception to the first answer (median and 90th percentile)."""
    pares = (
        _primera_respuesta(escritos(filtros))
        .exclude(primera=None)
        .values_list("recibido_en", "primera")
    )
    memo: dict[tuple[dt.date, dt.date], int] = {}
    dias = []
    for recibido_en, primera in pares:
        clave = (timezone.localdate(recibido_en), primera)
        if clave not in memo:
            memo[clave] = dias_habiles_entre(*clave)
        dias.append(memo[clave])
    if not dias:
        return TiempoRespuesta(0, None, None)
    return TiempoRespuesta(
        len(dias), round(statistics.median(dias), 1), round(_percentil(dias, 0.9), 1)
    )


@dataclass(frozen=True)
class Oportunidad:
    en_plazo: int
    fuera_de_plazo: int
    vencidos_sin_respuesta: int
    pendientes_en_plazo: int

    @property
    def exigibles(self) -> int:
        return self.en_plazo + self.fuera_de_plazo + self.vencidos_sin_respuesta

    @property
    def porcentaje_en_plazo(self) -> float | None:
        if not self.exigibles:
            return None
        return round(100 * self.en_plazo / self.exigibles, 1)


def oportunidad(filtros: Filtros, hoy: dt.date | None = None) -> Oportunidad:
    """Answered on time vs. late vs. overdue without answer, for escritos with a deadline.

    The share on time counts every escrito whose answer is due (answered, or past its
    deadline): answered by the deadline / (answered + overdue without answer).
    """
    hoy = hoy or timezone.localdate()
    qs = _primera_respuesta(escritos(filtros).exclude(vence_en=None))
    cuentas = qs.aggregate(
        en_plazo=Count("pk", filter=Q(primera__isnull=False, primera__lte=F("vence_en"))),
        fuera=Count("pk", filter=Q(primera__isnull=False, primera__gt=F("vence_en"))),
        vencidos=Count("pk", filter=Q(primera__isnull=True, vence_en__lt=hoy)),
        pendientes=Count("pk", filter=Q(primera__isnull=True, vence_en__gte=hoy)),
    )
    return Oportunidad(
        cuentas["en_plazo"], cuentas["fuera"], cuentas["vencidos"], cuentas["pendientes"]
    )


def anios_disponibles() -> list[int]:
    return sorted(
        set(Escrito.objects.annotate(a=ExtractYear("recibido_en")).values_list("a", flat=True))
    )


def areas_con_escritos() -> QuerySet[Area]:
    return Area.objects.filter(escritos__isnull=False).distinct().order_by("nombre")
