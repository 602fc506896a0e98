"""Reads of "Mi trabajo" (the staff landing) and of the bandeja's work filters.

Everything starts from `selectors.bandeja` (what the person may see, with the semáforo
annotated); the dashboard's counts are one aggregate query and each short list one more.
"""

from dataclasses import dataclass, field
from datetime import date

from django.db.models import Count, Exists, F, Min, OuterRef, Q, QuerySet, Subquery
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from . import permisos, selectors, visibilidad
from .models import Asignacion, Escrito, FiltroGuardado, Firma, Respuesta
from .plazos import Semaforo
from .selectors_version_publica import por_revisar

E = Escrito.Estado
# Pending work: not yet concluded, archived or cancelled (an answer still needs concluding).
PENDIENTES = (E.RECIBIDO, E.TURNADO, E.EN_ATENCION, E.RESPONDIDO)
FILAS = 5

# The bandeja's "tarea" filter: one per dashboard list that is not a plain filter.
TAREAS = {
    "por_turnar": _("Por turnar"),
    "por_asignar": _("Por asignar"),
    "por_firmar": _("Respuestas por firmar"),
}


def pendientes(escritos: QuerySet[Escrito]) -> QuerySet[Escrito]:
    return escritos.filter(estado__in=PENDIENTES)


def _asignacion_vigente(**filtro):
    return Exists(Asignacion.objects.filter(escrito=OuterRef("pk"), vigente=True, **filtro))


def asignados_a(escritos: QuerySet[Escrito], usuario) -> QuerySet[Escrito]:
    """Escritos whose asignación in force names this person."""
    return escritos.filter(_asignacion_vigente(asignado_a=usuario))


def _q_de_quien_atiende(usuario) -> Q:
    """The escritos this person answers: their áreas' or assigned to them."""
    return Q(area_responsable__in=visibilidad.areas_de(usuario)) | Q(
        _asignacion_vigente(asignado_a=usuario)
    )


def por_tarea(escritos: QuerySet[Escrito], usuario, tarea: str) -> QuerySet[Escrito]:
    """Narrow a bandeja to one of TAREAS (an unknown one changes nothing)."""
    if tarea == "por_turnar":
        return escritos.filter(estado=E.RECIBIDO)
    if tarea == "por_asignar":
        return escritos.filter(
            estado=E.TURNADO, area_responsable__in=visibilidad.areas_de(usuario)
        ).exclude(_asignacion_vigente())
    if tarea == "por_firmar":
        ultima = Respuesta.objects.filter(escrito=OuterRef("pk")).order_by("-respondido_en", "-pk")
        return (
            escritos.filter(estado=E.RESPONDIDO)
            .filter(_q_de_quien_atiende(usuario))
            .annotate(_respuesta=Subquery(ultima.values("pk")[:1]))
            .filter(Exists(Respuesta.objects.filter(pk=OuterRef("_respuesta"), consultada_en=None)))
            .exclude(Exists(Firma.objects.filter(respuesta=OuterRef("_respuesta"))))
        )
    return escritos


def filtrar_trabajo(
    escritos: QuerySet[Escrito],
    usuario,
    *,
    solo_pendientes: bool = True,
    asignados: bool = False,
    tarea: str | None = None,
    vence_desde: date | None = None,
    vence_hasta: date | None = None,
) -> QuerySet[Escrito]:
    """The bandeja's work filters, after `selectors.filtrar_bandeja`."""
    if solo_pendientes:
        escritos = pendientes(escritos)
    if asignados:
        escritos = asignados_a(escritos, usuario)
    if tarea:
        escritos = por_tarea(escritos, usuario, tarea)
    if vence_desde:
        escritos = escritos.filter(vence_en__gte=vence_desde)
    if vence_hasta:
        escritos = escritos.filter(vence_en__lte=vence_hasta)
    return escritos


def por_plazo(escritos: QuerySet[Escrito]) -> QuerySet[Escrito]:
    """Soonest (and overdue) deadlines first; those without one last."""
    return escritos.order_by(F("vence_en").asc(nulls_last=True), "recibido_en", "pk")


# ---------------------------------------------------------------------------------------
# Mi trabajo


@dataclass(frozen=True)
class Fila:
    escrito: Escrito
    dias_vencido: int


@dataclass(frozen=True)
class Seccion:
    clave: str
    titulo: str
    total: int
    consulta: str  # the bandeja's query string for this list
    filas: list[Fila] = field(default_factory=list)
    url: str = ""  # another screen than the bandeja (versiones públicas)


@dataclass(frozen=True)
class VencidosArea:
    area_id: int | None
    nombre: str
    total: int
    dias_max: int


@dataclass(frozen=True)
class MiTrabajo:
    secciones: list[Seccion]
    vencidos_por_area: list[VencidosArea] | None  # only for the contraloría


def _filas(escritos: QuerySet[Escrito], hoy: date) -> list[Fila]:
    return [
        Fila(e, max((hoy - e.vence_en).days, 0) if e.vence_en else 0)
        for e in por_plazo(escritos).select_related("area_responsable")[:FILAS]
    ]


def mi_trabajo(usuario, hoy: date | None = None) -> MiTrabajo:
    """The counts and short lists of the staff landing for this person."""
    hoy = hoy or timezone.localdate()
    visibles = pendientes(selectors.bandeja(usuario, hoy))
    con_area = bool(visibilidad.areas_de(usuario))
    oficialia = permisos.es_oficialia(usuario)
    contraloria = permisos.es_contraloria(usuario)
    cuentas = visibles.annotate(_mio=_asignacion_vigente(asignado_a=usuario)).aggregate(
        por_turnar=Count("pk", filter=Q(estado=E.RECIBIDO)),
        mios=Count("pk", filter=Q(_mio=True)),
        por_vencer=Count("pk", filter=Q(semaforo=Semaforo.POR_VENCER.value)),
        vencidos=Count("pk", filter=Q(semaforo=Semaforo.VENCIDO.value)),
    )
    planes = []
    if oficialia:
        planes.append(
            (
                "por_turnar",
                cuentas["por_turnar"],
                "tarea=por_turnar",
                por_tarea(visibles, usuario, "por_turnar"),
            )
        )
    if con_area:
        asignar = por_tarea(visibles, usuario, "por_asignar")
        planes.append(("por_asignar", asignar.count(), "tarea=por_asignar", asignar))
    planes.append(("mios", cuentas["mios"], "asignados=1", asignados_a(visibles, usuario)))
    for clave, semaforo in (("por_vencer", Semaforo.POR_VENCER), ("vencidos", Semaforo.VENCIDO)):
        planes.append(
            (
                clave,
                cuentas[clave],
                f"semaforo={semaforo.value}",
                visibles.filter(semaforo=semaforo.value),
            )
        )
    if con_area:
        firmar = por_tarea(visibles, usuario, "por_firmar")
        planes.append(("por_firmar", firmar.count(), "tarea=por_firmar", firmar))
    secciones = [
        Seccion(clave, TITULOS[clave], total, consulta, _filas(lista, hoy) if total else [])
        for clave, total, consulta, lista in planes
    ]
    revisar = por_revisar(usuario).count() if contraloria or con_area else 0
    if contraloria or revisar:
        secciones.append(
            Seccion("por_revisar", TITULOS["por_revisar"], revisar, "", url="versiones_publicas")
        )
    return MiTrabajo(secciones, vencidos_por_area(visibles, hoy) if contraloria else None)


TITULOS = {
    "por_turnar": _("Por turnar"),
    "por_asignar": _("Por asignar en su área"),
    "mios": _("Asignados a mí"),
    "por_vencer": _("Por vencer"),
    "vencidos": _("Vencidos"),
    "por_firmar": _("Respuestas por firmar"),
    "por_revisar": _("Versiones públicas por revisar"),
}


def vencidos_por_area(escritos: QuerySet[Escrito], hoy: date) -> list[VencidosArea]:
    """Overdue escritos per área responsible (None: not turned yet), most first."""
    filas = (
        escritos.filter(semaforo=Semaforo.VENCIDO.value)
        .values("area_responsable", "area_responsable__nombre")
        .annotate(total=Count("pk"), mas_antiguo=Min("vence_en"))
        .order_by("-total", F("area_responsable__nombre").asc(nulls_last=True))
    )
    return [
        VencidosArea(
            f["area_responsable"],
            f["area_responsable__nombre"] or str(_("Sin turnar")),
            f["total"],
            (hoy - f["mas_antiguo"]).days,
        )
        for f in filas
    ]


def filas_exportables(escritos) -> tuple[list[str], list[list]]:
    """Header and rows of a bandeja export (written by formatos.hojas, which neutralises
    formulas)."""
    columnas = [
        gettext("Folio"),
        gettext("Recibido"),
        gettext("Tipo"),
        gettext("Remitente"),
        gettext("Asunto"),
        gettext("Tema"),
        gettext("Área responsable"),
        gettext("Estado"),
        gettext("Fecha límite"),
        gettext("Semáforo"),
    ]
    filas = [
        [
            e.folio,
            timezone.localtime(e.recibido_en).replace(tzinfo=None, microsecond=0),
            e.get_tipo_display(),
            e.remitente_nombre,
            e.asunto,
            e.tema.nombre if e.tema else "",
            e.area_responsable.nombre if e.area_responsable else "",
            e.get_estado_display(),
            e.vence_en,
            Semaforo(e.semaforo).etiqueta,
        ]
        for e in escritos
    ]
    return columnas, filas


def filtros_de(usuario) -> QuerySet[FiltroGuardado]:
    return FiltroGuardado.objects.filter(usuario=usuario)
