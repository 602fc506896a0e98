"""What of the quality cycle the public may see: the one place that decides it.

Only evaluations whose informe was approved (APROBADA or CERRADA) and that a published portal
page chose; of them: the servicio, área, period, the score per componente, the oportunidades
with their causes, the acciones de mejora with progress and measured indicators, conclusions
and lecciones aprendidas. Never the evidence files, the notes of each criterion or the
members of the team."""

from dataclasses import dataclass, field

from django.db.models import Avg, Count, Prefetch, QuerySet

from ..models import Actividad, Calificacion, Evaluacion, OportunidadMejora

PUBLICABLES = (Evaluacion.Estado.APROBADA, Evaluacion.Estado.CERRADA)


def evaluaciones_publicas(ids=None) -> QuerySet[Evaluacion]:
    """Approved evaluations (of `ids` when given), newest approval first."""
    qs = Evaluacion.objects.filter(estado__in=PUBLICABLES).select_related("area", "modelo")
    if ids is not None:
        qs = qs.filter(pk__in=list(ids))
    return qs.order_by("-aprobada_en", "-pk")


@dataclass(frozen=True)
class ComponentePublico:
    numero: int
    nombre: str
    criterios: int
    puntaje_medio: float | None  # 0 to 4

    @property
    def porcentaje(self) -> int | None:
        return None if self.puntaje_medio is None else round(25 * self.puntaje_medio)


@dataclass
class OportunidadPublica:
    descripcion: str
    causa: str
    prioridad: str
    componente: str
    acciones: list = field(default_factory=list)


@dataclass
class EvaluacionPublica:
    evaluacion: Evaluacion
    componentes: list[ComponentePublico]
    oportunidades: list[OportunidadPublica]

    @property
    def acciones(self) -> list:
        return [a for o in self.oportunidades for a in o.acciones]


def _componentes(evaluacion: Evaluacion) -> list[ComponentePublico]:
    medias = {
        fila["criterio__componente"]: fila
        for fila in Calificacion.objects.filter(evaluacion=evaluacion)
        .values("criterio__componente")
        .annotate(media=Avg("puntaje"), n=Count("pk"))
    }
    return [
        ComponentePublico(
            c.numero,
            c.nombre,
            c.criterios.count(),
            round(medias[c.pk]["media"], 2) if c.pk in medias else None,
        )
        for c in evaluacion.modelo.componentes.order_by("numero")
    ]


def ficha_publica(evaluacion: Evaluacion) -> EvaluacionPublica:
    if evaluacion.estado not in PUBLICABLES:
        raise ValueError("evaluación no aprobada")
    from .selectors_mejora import ficha_accion

    oportunidades = (
        OportunidadMejora.objects.filter(evaluacion=evaluacion)
        .select_related("componente")
        .prefetch_related(
            Prefetch(
                "acciones",
                queryset=Actividad.objects.select_related("indicador", "area_responsable"),
            )
        )
    )
    return EvaluacionPublica(
        evaluacion,
        _componentes(evaluacion),
        [
            OportunidadPublica(
                o.descripcion,
                o.causa,
                o.get_prioridad_display(),
                o.componente.nombre if o.componente else "",
                [ficha_accion(a) for a in o.acciones.all()],
            )
            for o in oportunidades
        ],
    )
