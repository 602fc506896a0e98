"""Reads of the queue for the citizen: people ahead of a ficha, its estimated wait and the
kiosk's list of servicios."""

import math
from dataclasses import dataclass

from django.db.models import Avg, Count, DurationField, ExpressionWrapper, F, Q
from django.utils import timezone

from .models import Ficha, Sede, Servicio, Ventanilla

E = Ficha.Estado

# Below this many fichas finished today the servicio's own estimate is used.
MINIMO_MEDIDAS = 3


def orden_de_llamado(preferentes: int, normales: int, cada: int, recientes: list[bool]):
    """The order in which the waiting fichas of one queue will be called: yields True for a
    preferente and False for a normal, by the rule of services.llamar_siguiente (of every
    `cada` calls at most one goes to a preferente while normales wait). `recientes`: whether
    each of the last calls (newest first) went to a preferente."""
    historia = list(recientes)
    while preferentes or normales:
        preferente = preferentes > 0 and (toca_preferente(cada, historia) or normales == 0)
        if preferente:
            preferentes -= 1
        else:
            normales -= 1
        historia.insert(0, preferente)
        yield preferente


def toca_preferente(cada: int, recientes: list[bool]) -> bool:
    """The priority rule: of every `cada` calls at most one goes to a preferente while
    normales wait (1: preferentes always first). `recientes`: the last calls, newest first."""
    return cada <= 1 or not any(recientes[: cada - 1])


def _en_espera(servicio: Servicio, fecha):
    return Ficha.objects.filter(
        sede_id=servicio.sede_id, servicio=servicio, fecha=fecha, estado=E.EN_ESPERA
    )


def llamados_recientes(sede: Sede, fecha) -> list[bool]:
    """Whether each of the last calls at the sede (newest first) went to a preferente; as
    many as the priority rule looks at."""
    cada = sede.preferente_cada
    if cada <= 1:
        return []
    return list(
        Ficha.objects.filter(sede=sede, fecha=fecha, llamada_en__isnull=False)
        .order_by("-llamada_en", "-pk")
        .values_list("preferente", flat=True)[: cada - 1]
    )


def por_delante(ficha: Ficha) -> int:
    """How many waiting fichas of the same servicio will be called before this one."""
    if ficha.estado != E.EN_ESPERA:
        return 0
    antes = Q(tomada_en__lt=ficha.tomada_en) | Q(tomada_en=ficha.tomada_en, pk__lt=ficha.pk)
    cola = _en_espera(ficha.servicio, ficha.fecha).exclude(pk=ficha.pk)
    mismas = cola.filter(antes, preferente=ficha.preferente).count()
    otras = cola.filter(preferente=not ficha.preferente).count()
    # Only this ficha's own kind waits in line by arrival; every one of the other kind competes.
    puesto = mismas + 1
    p, n = (puesto, otras) if ficha.preferente else (otras, puesto)
    orden = orden_de_llamado(
        p, n, ficha.sede.preferente_cada, llamados_recientes(ficha.sede, ficha.fecha)
    )
    for llamados, preferente in enumerate(orden):
        if preferente == ficha.preferente:
            puesto -= 1
            if puesto == 0:
                return llamados
    raise AssertionError("unreachable: the ficha is always in its own calling order")


def minutos_por_atencion(servicio: Servicio, fecha=None) -> float:
    """Today's measured mean attention time of the servicio (at least MINIMO_MEDIDAS
    finished fichas), otherwise its configured estimate."""
    fecha = fecha or timezone.localdate()
    duracion = ExpressionWrapper(F("terminada_en") - F("iniciada_en"), output_field=DurationField())
    medidas = Ficha.objects.filter(
        servicio=servicio,
        fecha=fecha,
        estado=E.TERMINADA,
        iniciada_en__isnull=False,
        terminada_en__isnull=False,
    ).aggregate(n=Count("pk"), media=Avg(duracion))
    if medidas["n"] >= MINIMO_MEDIDAS and medidas["media"] is not None:
        return medidas["media"].total_seconds() / 60
    return float(servicio.minutos_estimados)


def ventanillas_activas(servicio: Servicio) -> int:
    return Ventanilla.objects.filter(servicios=servicio, activa=True).count()


def espera_estimada(servicio: Servicio, personas: int, fecha=None) -> int | None:
    """Minutes until `personas` ahead are attended (None: no window attends it now)."""
    ventanillas = ventanillas_activas(servicio)
    if not ventanillas:
        return None
    return math.ceil(personas * minutos_por_atencion(servicio, fecha) / ventanillas)


@dataclass(frozen=True)
class EstadoFicha:
    codigo: str
    estado: str
    por_delante: int
    espera_minutos: int | None
    ventanilla: int | None

    @property
    def terminado(self) -> bool:
        return self.estado in (E.TERMINADA, E.NO_SE_PRESENTO)


def estado_ficha(ficha: Ficha) -> EstadoFicha:
    delante = por_delante(ficha)
    espera = (
        espera_estimada(ficha.servicio, delante, ficha.fecha)
        if ficha.estado == E.EN_ESPERA
        else None
    )
    return EstadoFicha(
        codigo=ficha.codigo,
        estado=ficha.estado,
        por_delante=delante,
        espera_minutos=espera,
        ventanilla=ficha.ventanilla.numero if ficha.ventanilla_id else None,
    )


@dataclass(frozen=True)
class ServicioEnKiosco:
    servicio: Servicio
    en_espera: int
    espera_minutos: int | None


def servicios_del_kiosco(sede: Sede) -> list[ServicioEnKiosco]:
    """The sede's active servicios with how many wait today and the wait for a new ficha."""
    hoy = timezone.localdate()
    servicios = sede.servicios.filter(activo=True).annotate(
        n=Count("fichas", filter=Q(fichas__fecha=hoy, fichas__estado=E.EN_ESPERA))
    )
    return [
        ServicioEnKiosco(servicio=s, en_espera=s.n, espera_minutos=espera_estimada(s, s.n, hoy))
        for s in servicios.order_by("nombre")
    ]
