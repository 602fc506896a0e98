"""Reads of the evaluation of a servicio: what each user may see, the instrument with its
scores, the summary per componente, the live figures of the period against the previous one,
the buttons a user has, and everything the informe de evaluación shows."""

import datetime as dt
from dataclasses import dataclass, field

from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.models import ModelLogEntry

from ..models import (
    Calificacion,
    ComponenteModelo,
    Criterio,
    Evaluacion,
    MiembroEquipo,
    OportunidadMejora,
)
from ..selectors_encuestas import umbral
from . import permisos, registro
from .indicadores import Ambito, Cifras, cifras

MAXIMO = 4  # the highest level of a criterion (Calificacion.Nivel)
E = Evaluacion.Estado


def evaluaciones_visibles(usuario, estado: str | None = None):
    """The evaluations this user may see, newest first (optionally in one estado)."""
    consulta = Evaluacion.objects.select_related("area", "modelo")
    if not permisos.ve_todas_las_evaluaciones(usuario):
        if not (usuario.is_authenticated and usuario.is_active):
            return consulta.none()
        consulta = consulta.filter(equipo__usuario=usuario).distinct()
    if estado:
        consulta = consulta.filter(estado=estado)
    return consulta.order_by("-creada_en", "-pk")


def conteo_por_estado(usuario) -> list[tuple[str, str, int]]:
    """(estado, label, how many) for the list's filter, every estado shown."""
    consulta = evaluaciones_visibles(usuario)
    return [
        (valor, etiqueta, consulta.filter(estado=valor).count()) for valor, etiqueta in E.choices
    ]


# The instrument ---------------------------------------------------------------------------


@dataclass
class FilaCriterio:
    criterio: Criterio
    calificacion: Calificacion | None

    @property
    def evidencias(self) -> list:
        return list(self.calificacion.evidencias.all()) if self.calificacion else []


@dataclass
class ComponenteEvaluado:
    componente: ComponenteModelo
    filas: list[FilaCriterio] = field(default_factory=list)

    @property
    def total(self) -> int:
        return len(self.filas)

    @property
    def calificados(self) -> int:
        return sum(1 for f in self.filas if f.calificacion is not None)

    @property
    def media(self) -> float | None:
        puntajes = [f.calificacion.puntaje for f in self.filas if f.calificacion is not None]
        return round(sum(puntajes) / len(puntajes), 2) if puntajes else None

    @property
    def porcentaje(self) -> float | None:
        return None if self.media is None else round(self.media / MAXIMO * 100, 1)


def resumen(evaluacion: Evaluacion) -> list[ComponenteEvaluado]:
    """The instrument: every componente of the evaluation's model with its criteria and their
    scores, and per componente the mean score (0 to 4), % of the maximum and criteria scored
    of the total."""
    calificaciones = {
        c.criterio_id: c
        for c in evaluacion.calificaciones.select_related("calificada_por").prefetch_related(
            "evidencias"
        )
    }
    componentes = ComponenteModelo.objects.filter(modelo=evaluacion.modelo_id).prefetch_related(
        "criterios"
    )
    return [
        ComponenteEvaluado(
            componente,
            [FilaCriterio(c, calificaciones.get(c.pk)) for c in componente.criterios.all()],
        )
        for componente in componentes
    ]


def sin_calificar(evaluacion: Evaluacion) -> list[Criterio]:
    return list(
        Criterio.objects.filter(componente__modelo=evaluacion.modelo_id)
        .exclude(pk__in=evaluacion.calificaciones.values("criterio_id"))
        .select_related("componente")
    )


def media_general(componentes: list[ComponenteEvaluado]) -> float | None:
    puntajes = [
        f.calificacion.puntaje for c in componentes for f in c.filas if f.calificacion is not None
    ]
    return round(sum(puntajes) / len(puntajes), 2) if puntajes else None


# The figures of the period ------------------------------------------------------------------


def periodo_anterior(desde: dt.date, hasta: dt.date) -> tuple[dt.date, dt.date]:
    """The period of the same length that ends the day before `desde`."""
    hasta_anterior = desde - dt.timedelta(days=1)
    return hasta_anterior - (hasta - desde), hasta_anterior


# (Cifras field, label, decimals); None values show as "—".
FILAS_CIFRAS = [
    ("escritos", gettext_lazy("Escritos recibidos"), 0),
    ("respondidos", gettext_lazy("Escritos respondidos"), 0),
    ("respuesta_mediana", gettext_lazy("Tiempo de respuesta, mediana (días hábiles)"), 1),
    ("respuesta_p90", gettext_lazy("Tiempo de respuesta, p90 (días hábiles)"), 1),
    ("en_plazo_pct", gettext_lazy("Respondidos en plazo (%)"), 1),
    ("fichas", gettext_lazy("Turnos tomados"), 0),
    ("atendidas", gettext_lazy("Turnos atendidos"), 0),
    ("espera_media", gettext_lazy("Espera media (minutos)"), 1),
    ("espera_p90", gettext_lazy("Espera p90 (minutos)"), 1),
    ("encuestas", gettext_lazy("Encuestas respondidas"), 0),
    ("satisfaccion", gettext_lazy("Satisfacción (1 a 5)"), 2),
    ("quejas", gettext_lazy("Quejas y denuncias"), 0),
    ("coyotaje", gettext_lazy("Coyotaje señalado en encuestas"), 0),
]


@dataclass(frozen=True)
class FilaCifra:
    etiqueta: str
    actual: str
    anterior: str


@dataclass(frozen=True)
class Comparacion:
    actual: Cifras
    anterior: Cifras

    @property
    def filas(self) -> list[FilaCifra]:
        def texto(valor, decimales):
            return "—" if valor is None else number_format(valor, decimales)

        return [
            FilaCifra(
                str(etiqueta),
                texto(getattr(self.actual, campo), decimales),
                texto(getattr(self.anterior, campo), decimales),
            )
            for campo, etiqueta, decimales in FILAS_CIFRAS
        ]


def cifras_del_periodo(evaluacion: Evaluacion) -> Comparacion:
    """The live figures of the evaluation's ámbito for its period and the previous one."""
    ambito = Ambito.de_evaluacion(evaluacion)
    desde, hasta = evaluacion.periodo_desde, evaluacion.periodo_hasta
    return Comparacion(
        cifras(ambito, desde, hasta), cifras(ambito, *periodo_anterior(desde, hasta))
    )


# Buttons and history -------------------------------------------------------------------------


@dataclass(frozen=True)
class Accion:
    clave: str
    etiqueta: str
    primaria: bool = True
    pide_nota: bool = False


def acciones(usuario, evaluacion: Evaluacion) -> list[Accion]:
    """The transitions this user may make now: one primary button per state."""
    posibles = [
        (permisos.puede_iniciar, Accion("iniciar", _("Iniciar la evaluación"))),
        (permisos.puede_enviar_informe, Accion("enviar", _("Enviar el informe"))),
        (permisos.puede_aprobar, Accion("aprobar", _("Aprobar el informe"))),
        (
            permisos.puede_devolver,
            Accion("devolver", _("Devolver al equipo"), primaria=False, pide_nota=True),
        ),
    ]
    return [accion for permiso, accion in posibles if permiso(usuario, evaluacion)]


def historial(evaluacion: Evaluacion):
    return (
        ModelLogEntry.objects.for_instance(evaluacion)
        .select_related("user")
        .order_by("-timestamp", "-pk")
    )


def ultima_devolucion(evaluacion: Evaluacion) -> str | None:
    """The note of the last time the informe came back, if it has not been sent since."""
    if evaluacion.estado != E.EN_EVALUACION:
        return None
    ultima = historial(evaluacion).filter(action__in=[registro.ENVIAR, registro.DEVOLVER]).first()
    if ultima is None or ultima.action != registro.DEVOLVER:
        return None
    return ultima.data.get("nota") or None


def equipo(evaluacion: Evaluacion) -> list[MiembroEquipo]:
    """The team, the responsable first."""
    miembros = evaluacion.equipo.select_related("usuario")
    return sorted(
        miembros,
        key=lambda m: (
            m.rol != MiembroEquipo.Rol.RESPONSABLE,
            m.usuario.get_full_name() or m.usuario.get_username(),
        ),
    )


def nombre(usuario) -> str:
    return usuario.get_full_name() or usuario.get_username()


# The informe ---------------------------------------------------------------------------------


@dataclass
class Informe:
    evaluacion: Evaluacion
    equipo: list[MiembroEquipo]
    componentes: list[ComponenteEvaluado]
    media: float | None
    oportunidades: list[OportunidadMejora]
    cifras: Comparacion
    servicios: list[str]
    umbral: int

    @property
    def borrador(self) -> bool:
        return self.evaluacion.aprobada_en is None

    @property
    def aprobada_por(self) -> str | None:
        usuario = self.evaluacion.aprobada_por
        return nombre(usuario) if usuario else None

    @property
    def periodo_anterior(self) -> tuple[dt.date, dt.date]:
        return self.cifras.anterior.desde, self.cifras.anterior.hasta


def informe(evaluacion: Evaluacion) -> Informe:
    """Everything the informe de evaluación shows (web and PDF read the same)."""
    componentes = resumen(evaluacion)
    return Informe(
        evaluacion=evaluacion,
        equipo=equipo(evaluacion),
        componentes=componentes,
        media=media_general(componentes),
        oportunidades=list(
            evaluacion.oportunidades.select_related("componente").order_by(
                "componente__numero", "pk"
            )
        ),
        cifras=cifras_del_periodo(evaluacion),
        servicios=[str(s) for s in evaluacion.servicios.all()],
        umbral=umbral(),
    )


def nombre_informe(evaluacion: Evaluacion) -> str:
    return f"informe-evaluacion-{evaluacion.pk}.pdf"
