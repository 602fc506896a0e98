"""What of the quality cycle the public may see: the one place that decides it.

Only evaluations whose informe was approved (APROBADA or CERRADA) and that a published portal
page chose; of them: the servicio, área, period, the score per componente, the oportunidades
with their causes, the acciones de mejora with progress and measured indicators, conclusions
and lecciones aprendidas, as plain data. Never the evidence files, the notes of each
criterion, the seguimientos' evidence or the members of the team."""

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import QuerySet

from ..models import Evaluacion
from . import selectors, selectors_mejora
from .informe_mejora import responsable

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
    media: float | None  # 0 to 4
    porcentaje: float | None


@dataclass(frozen=True)
class AccionPublica:
    nombre: str
    responsable: str
    inicio: dt.date
    fin: dt.date
    avance: int
    estado: str
    estado_texto: str
    indicador: str
    unidad: str
    antes: str
    despues: str
    meta: str
    meta_alcanzada: bool | None


@dataclass
class OportunidadPublica:
    descripcion: str
    causa: str
    prioridad: str
    componente: str
    acciones: list[AccionPublica] = field(default_factory=list)


@dataclass
class EvaluacionPublica:
    evaluacion: Evaluacion
    componentes: list[ComponentePublico]
    oportunidades: list[OportunidadPublica]
    avance: int

    @property
    def acciones(self) -> list[AccionPublica]:
        return [a for o in self.oportunidades for a in o.acciones]


def _accion(accion: selectors_mejora.Accion) -> AccionPublica:
    actividad, medicion = accion.actividad, accion.medicion
    textos = medicion.textos if medicion else {"antes": "—", "despues": "—", "meta": "—"}
    indicador = actividad.indicador
    return AccionPublica(
        nombre=actividad.nombre,
        responsable=responsable(accion),
        inicio=actividad.inicio,
        fin=actividad.fin,
        avance=accion.avance,
        estado=accion.estado,
        estado_texto=accion.estado_texto,
        indicador=indicador.nombre if indicador else "",
        unidad=indicador.unidad if indicador else "",
        antes=textos["antes"],
        despues=textos["despues"],
        meta=textos["meta"],
        meta_alcanzada=medicion.meta_alcanzada if medicion else None,
    )


def ficha_publica(evaluacion: Evaluacion) -> EvaluacionPublica:
    if evaluacion.estado not in PUBLICABLES:
        raise ValueError("evaluación no aprobada")
    mejora = selectors_mejora.informe(evaluacion)
    return EvaluacionPublica(
        evaluacion,
        [
            ComponentePublico(
                c.componente.numero, c.componente.nombre, c.total, c.media, c.porcentaje
            )
            for c in selectors.resumen(evaluacion)
        ],
        [
            OportunidadPublica(
                o.descripcion,
                o.causa,
                o.get_prioridad_display(),
                o.componente.nombre if o.componente else "",
                [_accion(a) for a in acciones],
            )
            for o, acciones in mejora.oportunidades
        ],
        mejora.avance,
    )
