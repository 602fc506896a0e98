"""Business-day deadlines: weekends, the country's holidays and local non-working days."""

import enum
from datetime import date, timedelta
from functools import lru_cache

import holidays
from django.conf import settings
from django.db.models import Case, CharField, Value, When
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import DiaInhabil, Escrito

T = Escrito.Tipo

# Default legal terms in business days, per country. Installations override any of them
# with FOLIO_PLAZOS="peticion=10,solicitud_informacion=20".
PLAZOS_POR_PAIS: dict[str, dict[str, int]] = {
    # Mexico: LGTAIP (2025) art. 132, 20 business days for information requests; the
    # constitutional right of petition (art. 8) only says "breve término": 15 is a common rule.
    "MX": {T.SOLICITUD_INFORMACION: 20, T.OFICIO: 10},
    # Colombia: Ley 1755 de 2015 art. 14: 15 días (peticiones), 10 (documentos e información).
    "CO": {T.SOLICITUD_INFORMACION: 10},
    # Peru: Ley 27806 art. 11 (10 días hábiles, información); TUO Ley 27444: 30 días (petición).
    "PE": {T.SOLICITUD_INFORMACION: 10, T.PETICION: 30},
}
PLAZO_GENERAL = 15


def plazo_legal(tipo: str) -> int:
    """Business days an installation has to answer an escrito of this tipo."""
    configurado = settings.FOLIO_PLAZOS
    if tipo in configurado:
        return configurado[tipo]
    return PLAZOS_POR_PAIS.get(settings.FOLIO_PAIS, {}).get(tipo, PLAZO_GENERAL)


@lru_cache(maxsize=8)
def _feriados(pais: str, subdivision: str | None, anio: int) -> frozenset[date]:
    return frozenset(holidays.country_holidays(pais, subdiv=subdivision, years=anio))


def _inhabiles(inicio: date, fin: date) -> set[date]:
    dias = set(
        DiaInhabil.objects.filter(fecha__range=(inicio, fin)).values_list("fecha", flat=True)
    )
    for anio in range(inicio.year, fin.year + 1):
        dias |= _feriados(settings.FOLIO_PAIS, settings.FOLIO_SUBDIVISION, anio)
    return dias


def sumar_dias_habiles(inicio: date, dias: int) -> date:
    """The date `dias` business days after `inicio` (the day of reception is not counted)."""
    # A generous window: weekends and holidays never take more than half the calendar.
    inhabiles = _inhabiles(inicio, inicio + timedelta(days=dias * 2 + 30))
    fecha, restantes = inicio, dias
    while restantes > 0:
        fecha += timedelta(days=1)
        if fecha.weekday() < 5 and fecha not in inhabiles:
            restantes -= 1
    return fecha


def dias_habiles_entre(inicio: date, fin: date) -> int:
    """Business days after `inicio` up to and including `fin` (0 when fin <= inicio)."""
    if fin <= inicio:
        return 0
    inhabiles = _inhabiles(inicio, fin)
    return sum(
        1
        for n in range(1, (fin - inicio).days + 1)
        if (dia := inicio + timedelta(days=n)).weekday() < 5 and dia not in inhabiles
    )


def vencimiento(tipo: str, recibido_en) -> date:
    return sumar_dias_habiles(timezone.localdate(recibido_en), plazo_legal(tipo))


class Semaforo(enum.StrEnum):
    A_TIEMPO = "a_tiempo"
    POR_VENCER = "por_vencer"
    VENCIDO = "vencido"
    ATENDIDO = "atendido"
    SIN_PLAZO = "sin_plazo"

    @property
    def etiqueta(self):
        return ETIQUETAS_SEMAFORO[self]


ETIQUETAS_SEMAFORO = {
    Semaforo.A_TIEMPO: _("A tiempo"),
    Semaforo.POR_VENCER: _("Por vencer"),
    Semaforo.VENCIDO: _("Vencido"),
    Semaforo.ATENDIDO: _("Atendido"),
    Semaforo.SIN_PLAZO: _("Sin plazo"),
}

ESTADOS_ATENDIDOS = {
    Escrito.Estado.RESPONDIDO,
    Escrito.Estado.CONCLUIDO,
    Escrito.Estado.ARCHIVADO,
    Escrito.Estado.CANCELADO,
}


def umbral_por_vencer(hoy: date) -> date:
    """Deadlines up to this date are "por vencer"."""
    return sumar_dias_habiles(hoy, settings.FOLIO_DIAS_POR_VENCER)


def semaforo(escrito: Escrito, hoy: date | None = None, umbral: date | None = None) -> Semaforo:
    if escrito.estado in ESTADOS_ATENDIDOS:
        return Semaforo.ATENDIDO
    if escrito.vence_en is None:
        return Semaforo.SIN_PLAZO
    hoy = hoy or timezone.localdate()
    if escrito.vence_en < hoy:
        return Semaforo.VENCIDO
    if escrito.vence_en <= (umbral or umbral_por_vencer(hoy)):
        return Semaforo.POR_VENCER
    return Semaforo.A_TIEMPO


def anotar_semaforo(queryset, hoy: date | None = None):
    """Annotate `semaforo` in SQL, so lists can filter and sort by it."""
    hoy = hoy or timezone.localdate()
    return queryset.annotate(
        semaforo=Case(
            When(estado__in=ESTADOS_ATENDIDOS, then=Value(Semaforo.ATENDIDO.value)),
            When(vence_en__isnull=True, then=Value(Semaforo.SIN_PLAZO.value)),
            When(vence_en__lt=hoy, then=Value(Semaforo.VENCIDO.value)),
            When(vence_en__lte=umbral_por_vencer(hoy), then=Value(Semaforo.POR_VENCER.value)),
            default=Value(Semaforo.A_TIEMPO.value),
            output_field=CharField(),
        )
    )
