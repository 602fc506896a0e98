"""Acciones de mejora as plain data: progress and state, the indicator measured before and
after the action (computed ones from live data, manual ones from the ficha and the
seguimientos), and the alerts: actions overdue and indicators off target.

Before: the evaluated period (an action without an evaluation: the window of the same
length just before it starts). After: from the start to today, or to its end once it ended.
Counts (quejas) are per 30 days, so windows of different lengths compare."""

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Prefetch, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ..models import Actividad, Evaluacion, Indicador, Seguimiento
from . import indicadores
from .estados import CONCLUIDA, EN_CURSO, ESTADOS, VENCIDA, estado_de
from .indicadores import Ambito
from .permisos import ve_todas_las_evaluaciones

POR_MES = 30  # days: counts are shown per this many days
CONTADORES = {Indicador.Calculo.QUEJAS}

VENCIDA_ALERTA, FUERA_DE_META = "vencida", "fuera_de_meta"
ROJO, AMARILLO, VERDE = "rojo", "amarillo", "verde"
SEMAFOROS = {
    ROJO: gettext_lazy("Requiere atención"),
    AMARILLO: gettext_lazy("Avance menor que el tiempo transcurrido"),
    VERDE: gettext_lazy("En orden"),
}


@dataclass(frozen=True)
class Periodo:
    desde: dt.date
    hasta: dt.date

    @property
    def dias(self) -> int:
        return (self.hasta - self.desde).days + 1


def cifra(valor: Decimal | None) -> str:
    """A measured or typed value as people write it: 12.5, 100, 3.25; "—" without data."""
    if valor is None:
        return "—"
    return f"{round(valor, 2).normalize():f}"


def es_mejor(valor: Decimal, que: Decimal, mayor_es_mejor: bool) -> bool:
    return valor > que if mayor_es_mejor else valor < que


def medir_periodo(calculo: str, ambito: Ambito, periodo: Periodo) -> Decimal | None:
    """A computed indicator over a period (a count per 30 days)."""
    valor = indicadores.medir(calculo, ambito, periodo.desde, periodo.hasta)
    if valor is None or calculo not in CONTADORES:
        return valor
    return round(valor * POR_MES / periodo.dias, 2)


def ambito_de(actividad: Actividad) -> Ambito:
    if actividad.oportunidad_id:
        return Ambito.de_evaluacion(actividad.oportunidad.evaluacion)
    return Ambito(actividad.area_responsable_id)


def periodo_despues(actividad: Actividad, hoy: dt.date) -> Periodo | None:
    if hoy < actividad.inicio:
        return None
    return Periodo(actividad.inicio, min(hoy, actividad.fin))


def periodo_antes(actividad: Actividad, hoy: dt.date) -> Periodo:
    if actividad.oportunidad_id:
        evaluacion = actividad.oportunidad.evaluacion
        return Periodo(evaluacion.periodo_desde, evaluacion.periodo_hasta)
    despues = periodo_despues(actividad, hoy) or Periodo(actividad.inicio, actividad.fin)
    hasta = actividad.inicio - dt.timedelta(days=1)
    return Periodo(hasta - dt.timedelta(days=despues.dias - 1), hasta)


@dataclass(frozen=True)
class Medicion:
    calculado: bool
    antes: Decimal | None
    despues: Decimal | None
    meta: Decimal | None
    mayor_es_mejor: bool
    periodo_antes: Periodo | None = None
    periodo_despues: Periodo | None = None
    # Manual indicators: the date of the seguimiento whose valor is `despues`.
    fecha_valor: dt.date | None = None

    @property
    def cambio(self) -> Decimal | None:
        if self.antes is None or self.despues is None:
            return None
        return self.despues - self.antes

    def _mejor(self, valor: Decimal, que: Decimal) -> bool:
        return es_mejor(valor, que, self.mayor_es_mejor)

    @property
    def mejora(self) -> bool:
        return self.cambio is not None and self._mejor(self.despues, self.antes)

    @property
    def empeora(self) -> bool:
        """Worse than the línea base (the value before)."""
        return self.cambio is not None and self._mejor(self.antes, self.despues)

    @property
    def textos(self) -> dict[str, str]:
        cambio = self.cambio
        signo = "+" if cambio is not None and cambio > 0 else ""
        return {
            "antes": cifra(self.antes),
            "despues": cifra(self.despues),
            "meta": cifra(self.meta),
            "cambio": signo + cifra(cambio),
        }

    @property
    def meta_alcanzada(self) -> bool | None:
        if self.meta is None or self.despues is None:
            return None
        return self.despues == self.meta or self._mejor(self.despues, self.meta)


@dataclass
class Alerta:
    tipo: str
    accion: "Accion"
    texto: str

    def como_dict(self) -> dict:
        return {"tipo": self.tipo, "actividad": self.accion.actividad.pk, "texto": self.texto}


@dataclass
class Accion:
    actividad: Actividad
    seguimientos: list[Seguimiento]
    avance: int
    estado: str
    medicion: Medicion | None
    hoy: dt.date
    alertas: list[Alerta] = field(default_factory=list)

    @property
    def estado_texto(self) -> str:
        return str(ESTADOS[self.estado])

    @property
    def ultimo(self) -> Seguimiento | None:
        return self.seguimientos[-1] if self.seguimientos else None

    @property
    def tiempo_transcurrido(self) -> int:
        """Share of the action's days already gone (0 to 100)."""
        a = self.actividad
        total = (a.fin - a.inicio).days + 1
        pasados = (min(self.hoy, a.fin) - a.inicio).days + 1
        return max(0, min(100, round(100 * pasados / total)))

    @property
    def semaforo(self) -> str:
        if self.alertas:
            return ROJO
        if self.estado == EN_CURSO and self.avance < self.tiempo_transcurrido:
            return AMARILLO
        return VERDE

    @property
    def semaforo_texto(self) -> str:
        return str(SEMAFOROS[self.semaforo])


def _medicion(actividad: Actividad, seguimientos: list[Seguimiento], hoy, memo) -> Medicion:
    indicador = actividad.indicador
    comunes = {"meta": indicador.meta, "mayor_es_mejor": indicador.mayor_es_mejor}
    if not indicador.calculado:
        con_valor = [s for s in seguimientos if s.valor is not None]
        ultimo = con_valor[-1] if con_valor else None
        return Medicion(
            calculado=False,
            antes=indicador.linea_base,
            despues=ultimo.valor if ultimo else None,
            fecha_valor=ultimo.fecha if ultimo else None,
            **comunes,
        )
    ambito = ambito_de(actividad)
    antes, despues = periodo_antes(actividad, hoy), periodo_despues(actividad, hoy)

    def medir(periodo):
        if periodo is None:
            return None
        clave = (indicador.calculo, ambito, periodo)
        if clave not in memo:
            memo[clave] = medir_periodo(indicador.calculo, ambito, periodo)
        return memo[clave]

    return Medicion(
        calculado=True,
        antes=medir(antes),
        despues=medir(despues),
        periodo_antes=antes,
        periodo_despues=despues,
        **comunes,
    )


def _alertas(accion: Accion) -> list[Alerta]:
    a, medicion, alertas = accion.actividad, accion.medicion, []
    if accion.estado == VENCIDA:
        texto = _("«%(accion)s» debía concluir el %(fin)s y lleva %(avance)s %% de avance.") % {
            "accion": a.nombre,
            "fin": a.fin.strftime("%d/%m/%Y"),
            "avance": accion.avance,
        }
        alertas.append(Alerta(VENCIDA_ALERTA, accion, texto))
    if medicion is None:
        return alertas
    textos, unidad = medicion.textos, a.indicador.unidad
    datos = {
        "indicador": a.indicador.nombre,
        "antes": textos["antes"],
        "valor": f"{textos['despues']} {unidad}".strip(),
        "meta": textos["meta"],
    }
    if accion.hoy > a.fin and medicion.meta_alcanzada is False:
        texto = _("El indicador «%(indicador)s» no alcanzó la meta: %(valor)s (meta %(meta)s).")
        alertas.append(Alerta(FUERA_DE_META, accion, texto % datos))
    elif medicion.empeora:
        texto = _(
            "El indicador «%(indicador)s» está peor que su línea base: %(valor)s (antes %(antes)s)."
        )
        alertas.append(Alerta(FUERA_DE_META, accion, texto % datos))
    return alertas


def _consulta():
    return Actividad.objects.select_related(
        "indicador", "area_responsable", "responsable", "oportunidad__evaluacion"
    ).prefetch_related(
        Prefetch(
            "seguimientos",
            Seguimiento.objects.select_related("evidencia", "registrado_por").order_by(
                "fecha", "pk"
            ),
        )
    )


def acciones_de_mejora():
    """Every acción de mejora (an Actividad of an oportunidad), oldest evaluation first."""
    return _consulta().filter(oportunidad__isnull=False).order_by("inicio", "pk")


def de_usuario(consulta, usuario):
    """The actions the user is responsable for: as the person or as staff of the área."""
    return consulta.filter(
        Q(responsable=usuario) | Q(area_responsable__in=usuario.areas.all())
    ).distinct()


def visibles(usuario):
    """The actions a user may open: every one for the overseers; otherwise those they are
    responsable for, and those of the evaluations of their team or of their área."""
    consulta = acciones_de_mejora()
    if ve_todas_las_evaluaciones(usuario):
        return consulta
    if not usuario.is_authenticated or not usuario.is_active:
        return consulta.none()
    areas = usuario.areas.all()
    return consulta.filter(
        Q(responsable=usuario)
        | Q(area_responsable__in=areas)
        | Q(oportunidad__evaluacion__equipo__usuario=usuario)
        | Q(oportunidad__evaluacion__area__in=areas)
    ).distinct()


def planes_visibles(usuario):
    """Approved or closed evaluations (those with a plan de mejora) the user may open."""
    consulta = Evaluacion.objects.filter(
        estado__in=(Evaluacion.Estado.APROBADA, Evaluacion.Estado.CERRADA)
    ).select_related("area")
    if ve_todas_las_evaluaciones(usuario):
        return consulta
    if not usuario.is_authenticated or not usuario.is_active:
        return consulta.none()
    areas = usuario.areas.all()
    return consulta.filter(
        Q(area__in=areas)
        | Q(equipo__usuario=usuario)
        | Q(oportunidades__acciones__responsable=usuario)
        | Q(oportunidades__acciones__area_responsable__in=areas)
    ).distinct()


def accion(actividad: Actividad, hoy: dt.date | None = None, memo=None) -> Accion:
    hoy = hoy or timezone.localdate()
    seguimientos = sorted(actividad.seguimientos.all(), key=lambda s: (s.fecha, s.pk))
    avance = seguimientos[-1].avance if seguimientos else 0
    medicion = None
    if actividad.indicador_id:
        medicion = _medicion(actividad, seguimientos, hoy, {} if memo is None else memo)
    resultado = Accion(
        actividad=actividad,
        seguimientos=seguimientos,
        avance=avance,
        estado=estado_de(actividad.inicio, actividad.fin, avance, hoy),
        medicion=medicion,
        hoy=hoy,
    )
    resultado.alertas = _alertas(resultado)
    return resultado


def acciones(consulta, hoy: dt.date | None = None) -> list[Accion]:
    hoy, memo = hoy or timezone.localdate(), {}
    return [accion(a, hoy, memo) for a in consulta]


def _abiertas():
    """Alerts only for cycles not closed yet."""
    return acciones_de_mejora().exclude(oportunidad__evaluacion__estado=Evaluacion.Estado.CERRADA)


def alertas(hoy: dt.date | None = None) -> list[Alerta]:
    """Every alert (for the Contraloría, the máxima autoridad and modernización)."""
    return [alerta for a in acciones(_abiertas(), hoy) for alerta in a.alertas]


def alertas_para(usuario, hoy: dt.date | None = None) -> list[Alerta]:
    """The alerts of the actions the user is responsable for."""
    if not usuario.is_authenticated or not usuario.is_active:
        return []
    return [alerta for a in acciones(de_usuario(_abiertas(), usuario), hoy) for alerta in a.alertas]


@dataclass
class InformeMejora:
    evaluacion: Evaluacion
    oportunidades: list[tuple[object, list[Accion]]]
    hoy: dt.date

    @property
    def acciones(self) -> list[Accion]:
        return [a for _o, lista in self.oportunidades for a in lista]

    @property
    def avance(self) -> int:
        lista = self.acciones
        return round(sum(a.avance for a in lista) / len(lista)) if lista else 0

    @property
    def pendientes(self) -> list[Accion]:
        return [a for a in self.acciones if a.estado != CONCLUIDA]


def informe(evaluacion: Evaluacion, hoy: dt.date | None = None) -> InformeMejora:
    """The informe de mejora's content: each oportunidad with its actions, measured."""
    hoy, memo = hoy or timezone.localdate(), {}
    por_oportunidad = {}
    for actividad in acciones_de_mejora().filter(oportunidad__evaluacion=evaluacion):
        por_oportunidad.setdefault(actividad.oportunidad_id, []).append(
            accion(actividad, hoy, memo)
        )
    oportunidades = [
        (o, por_oportunidad.get(o.pk, []))
        for o in evaluacion.oportunidades.select_related("componente").order_by("pk")
    ]
    return InformeMejora(evaluacion, oportunidades, hoy)
