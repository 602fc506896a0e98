"""The anti-corruption plan as plain data: progress per actividad and componente, and the
geometry of its cronograma (timeline) for a server-rendered SVG."""

import datetime as dt
import hashlib
from dataclasses import dataclass, field

from django.utils import timezone

from atencion.calidad.estados import ESTADOS, estado_de

MESES_CORTOS = ["ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sep", "oct", "nov", "dic"]


@dataclass
class Seguimiento:
    fecha: dt.date
    avance: int
    descripcion: str
    evidencia: object  # a wagtail Document or None


@dataclass
class Actividad:
    numero: str
    nombre: str
    meta: str
    indicador: str
    responsable: object  # documentos.Area or None
    inicio: dt.date
    fin: dt.date
    seguimiento: list[Seguimiento]
    avance: int
    estado: str

    @property
    def estado_texto(self):
        return ESTADOS[self.estado]

    @property
    def responsable_nombre(self) -> str:
        return self.responsable.nombre if self.responsable else ""


@dataclass
class Componente:
    numero: int
    nombre: str
    descripcion: str
    actividades: list[Actividad] = field(default_factory=list)

    @property
    def avance(self) -> int:
        if not self.actividades:
            return 0
        return round(sum(a.avance for a in self.actividades) / len(self.actividades))


@dataclass
class Plan:
    vigencia: int
    componentes: list[Componente]
    hoy: dt.date

    @property
    def actividades(self) -> list[Actividad]:
        return [a for c in self.componentes for a in c.actividades]

    @property
    def avance(self) -> int:
        actividades = self.actividades
        if not actividades:
            return 0
        return round(sum(a.avance for a in actividades) / len(actividades))

    @property
    def huella(self) -> str:
        """A digest of everything the public page shows: its cached fragment is keyed on
        it, so a new seguimiento shows at once without republishing the page."""
        partes = [self.vigencia, self.hoy]
        for c in self.componentes:
            partes += [c.nombre, c.descripcion]
            for a in c.actividades:
                partes += [a.numero, a.nombre, a.meta, a.indicador, a.responsable_nombre]
                partes += [a.inicio, a.fin, a.avance, a.estado]
                for s in a.seguimiento:
                    evidencia = s.evidencia
                    partes += [s.fecha, s.avance, s.descripcion]
                    partes += [evidencia.pk, evidencia.title, evidencia.url] if evidencia else [0]
        return hashlib.sha256(repr(partes).encode()).hexdigest()


def leer_plan(page, hoy: dt.date | None = None) -> Plan:
    """Read the plan into dataclasses: its StreamField orders the componentes and their
    atencion.Actividad rows (fetched with their seguimientos in two queries, see
    cms.blocks.ActividadChooserBlock); the latest seguimiento sets the avance."""
    hoy = hoy or timezone.localdate()
    componentes = []
    for i, bloque in enumerate(page.componentes, start=1):
        valor = bloque.value
        componente = Componente(i, valor["nombre"], valor.get("descripcion") or "")
        # An activity deleted since (or a revision older than the rows) reads as None.
        for j, act in enumerate((a for a in valor["actividades"] if a is not None), start=1):
            cortes = [
                Seguimiento(s.fecha, s.avance, s.descripcion, s.evidencia)
                for s in act.seguimientos.all()
            ]
            avance = cortes[-1].avance if cortes else 0
            componente.actividades.append(
                Actividad(
                    numero=f"{i}.{j}",
                    nombre=act.nombre,
                    meta=act.meta,
                    indicador=act.indicador.nombre if act.indicador_id else "",
                    responsable=act.area_responsable,
                    inicio=act.inicio,
                    fin=act.fin,
                    seguimiento=cortes,
                    avance=avance,
                    estado=estado_de(act.inicio, act.fin, avance, hoy),
                )
            )
        componentes.append(componente)
    return Plan(page.vigencia, componentes, hoy)


# --- cronograma geometry ---

ETIQUETA_ANCHO = 300
BARRAS_ANCHO = 660
FILA_ALTO = 30
ENCABEZADO_ALTO = 36


def _corta(texto: str, largo: int = 42) -> str:
    return texto if len(texto) <= largo else texto[: largo - 1].rstrip() + "…"


def _mes_siguiente(fecha: dt.date) -> dt.date:
    return dt.date(fecha.year + (fecha.month == 12), fecha.month % 12 + 1, 1)


def cronograma(plan: Plan) -> dict:
    """Rows, bars and month ticks of the timeline, in SVG user units."""
    actividades = plan.actividades
    inicio = dt.date(plan.vigencia, 1, 1)
    fin = dt.date(plan.vigencia, 12, 31)
    if actividades:
        inicio = min(inicio, *(a.inicio for a in actividades)).replace(day=1)
        fin = max(fin, *(a.fin for a in actividades))
    fin_excl = _mes_siguiente(fin)
    total = (fin_excl - inicio).days

    def x(fecha: dt.date) -> float:
        return round(ETIQUETA_ANCHO + (fecha - inicio).days / total * BARRAS_ANCHO, 1)

    meses = []
    mes = inicio
    while mes < fin_excl:
        siguiente = _mes_siguiente(mes)
        etiqueta = MESES_CORTOS[mes.month - 1]
        if mes.month == 1 or mes == inicio:
            etiqueta = f"{etiqueta} {mes.year}"
        meses.append(
            {"x": x(mes), "centro": round((x(mes) + x(siguiente)) / 2, 1), "etiqueta": etiqueta}
        )
        mes = siguiente

    filas = []
    y = ENCABEZADO_ALTO
    for componente in plan.componentes:
        filas.append(
            {
                "tipo": "componente",
                "y": y,
                "texto_y": y + 20,
                "etiqueta": _corta(f"{componente.numero}. {componente.nombre}", 46),
                "completo": componente.nombre,
                "avance": componente.avance,
            }
        )
        y += FILA_ALTO
        for act in componente.actividades:
            x0, x1 = x(act.inicio), x(act.fin + dt.timedelta(days=1))
            ancho = max(x1 - x0, 3)
            filas.append(
                {
                    "tipo": "actividad",
                    "y": y,
                    "texto_y": y + 19,
                    "barra_y": y + 7,
                    "etiqueta": _corta(f"{act.numero} {act.nombre}"),
                    "completo": act.nombre,
                    "x": x0,
                    "ancho": round(ancho, 1),
                    "avance_ancho": round(ancho * act.avance / 100, 1),
                    "actividad": act,
                }
            )
            y += FILA_ALTO
    hoy_x = x(plan.hoy) if inicio <= plan.hoy < fin_excl else None
    return {
        "ancho": ETIQUETA_ANCHO + BARRAS_ANCHO + 10,
        "alto": y + 8,
        "etiqueta_ancho": ETIQUETA_ANCHO,
        "fin_x": ETIQUETA_ANCHO + BARRAS_ANCHO,
        "meses": meses,
        "filas": filas,
        "hoy_x": hoy_x,
        "hoy": plan.hoy,
    }
