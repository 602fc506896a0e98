"""Which servicios to evaluate first: every trámite of the catalog scored by volume,
complaints, dissatisfaction and delays in a period (RSGP 006-2019-PCM/SGP asks to prioritise
with stated criteria; MIPG, from PQRSD and perception surveys).

The rule, as the page states it:
- raw values: volumen = escritos + turnos received; quejas = quejas and denuncias received +
  coyotaje reports in its surveys; insatisfacción = 5 - mean satisfaction (1 to 5, from k
  answers); demoras = the share of escritos not answered on time (%) and the mean wait at the
  window (minutes);
- each is scored 0 to 100 in proportion to the highest value among the trámites (the highest
  gets 100, a zero gets 0); demoras is the mean of its two scores (or the one there is);
- total = the weighted sum of the four scores (PESOS, adding up to 1); a criterion without
  data adds 0 and says «sin datos»; a trámite without escritos, turnos or surveys has no total
  and goes last."""

import datetime as dt
from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from . import catalogo
from .indicadores import Cifras, cifras
from .selectors_diagnostico import comparten_escritos

CRITERIOS = ("volumen", "quejas", "insatisfaccion", "demoras")
PESOS = {"volumen": 0.20, "quejas": 0.30, "insatisfaccion": 0.25, "demoras": 0.25}
ETIQUETAS = {
    "volumen": _("Volumen"),
    "quejas": _("Quejas y denuncias"),
    "insatisfaccion": _("Insatisfacción"),
    "demoras": _("Demoras"),
}
ESCALA_MAXIMA = 5


@dataclass
class FilaPriorizacion:
    tramite: catalogo.TramiteCatalogo
    cifras: Cifras
    volumen: int
    quejas: int
    insatisfaccion: float | None
    fuera_de_plazo_pct: float | None
    espera_media: float | None
    puntajes: dict[str, float | None] = field(default_factory=dict)
    total: float | None = None
    posicion: int | None = None
    comparten_escritos: int = 0  # other trámites counting the same escritos

    @property
    def sin_datos(self) -> bool:
        c = self.cifras
        return not (c.escritos or c.fichas or c.encuestas)

    def criterios(self) -> list[tuple[str, str, float | None]]:
        """(clave, etiqueta, puntaje) in the order of CRITERIOS."""
        return [(c, ETIQUETAS[c], self.puntajes.get(c)) for c in CRITERIOS]

    def como_dict(self) -> dict:
        """The snapshot kept in Evaluacion.priorizacion."""
        return {
            "tramite": self.tramite.titulo,
            "posicion": self.posicion,
            "total": self.total,
            "valores": {
                "volumen": self.volumen,
                "quejas": self.quejas,
                "insatisfaccion": self.insatisfaccion,
                "fuera_de_plazo_pct": self.fuera_de_plazo_pct,
                "espera_media": self.espera_media,
            },
            "puntajes": dict(self.puntajes),
            "pesos": dict(PESOS),
            "cifras": self.cifras.como_dict(),
        }


@dataclass(frozen=True)
class Priorizacion:
    desde: dt.date
    hasta: dt.date
    filas: list[FilaPriorizacion]

    def fila(self, tramite_id: int) -> FilaPriorizacion | None:
        return next((f for f in self.filas if f.tramite.id == tramite_id), None)

    def pesos(self) -> list[tuple[str, int]]:
        return [(ETIQUETAS[c], round(PESOS[c] * 100)) for c in CRITERIOS]


def _fila(tramite, c: Cifras, comparten: int) -> FilaPriorizacion:
    return FilaPriorizacion(
        tramite=tramite,
        cifras=c,
        comparten_escritos=comparten,
        volumen=c.escritos + c.fichas,
        quejas=c.quejas + c.coyotaje,
        insatisfaccion=None if c.satisfaccion is None else round(ESCALA_MAXIMA - c.satisfaccion, 2),
        fuera_de_plazo_pct=None if c.en_plazo_pct is None else round(100 - c.en_plazo_pct, 1),
        espera_media=c.espera_media,
    )


def _proporcion(valor: float | None, maximo: float) -> float | None:
    """0 to 100 in proportion to the highest value (None: no data)."""
    if valor is None:
        return None
    return 100 * valor / maximo if maximo else 0.0


def _maximo(filas, atributo: str) -> float:
    return max((v for f in filas if (v := getattr(f, atributo)) is not None), default=0)


def _puntuar(filas: list[FilaPriorizacion]) -> None:
    con_datos = [f for f in filas if not f.sin_datos]
    maximos = {
        a: _maximo(con_datos, a)
        for a in ("volumen", "quejas", "insatisfaccion", "fuera_de_plazo_pct", "espera_media")
    }
    for f in con_datos:
        demoras = [
            p
            for a in ("fuera_de_plazo_pct", "espera_media")
            if (p := _proporcion(getattr(f, a), maximos[a])) is not None
        ]
        puntajes = {
            "volumen": _proporcion(f.volumen, maximos["volumen"]),
            "quejas": _proporcion(f.quejas, maximos["quejas"]),
            "insatisfaccion": _proporcion(f.insatisfaccion, maximos["insatisfaccion"]),
            "demoras": sum(demoras) / len(demoras) if demoras else None,
        }
        f.total = round(sum(PESOS[c] * (puntajes[c] or 0) for c in CRITERIOS), 1)
        f.puntajes = {c: None if p is None else round(p, 1) for c, p in puntajes.items()}


def priorizacion(desde: dt.date, hasta: dt.date) -> Priorizacion:
    """Every trámite of the catalog, highest total first (then by title)."""
    tramites = catalogo.tramites()
    filas = [
        _fila(t, cifras(t.ambito, desde, hasta), comparten_escritos(t, tramites)) for t in tramites
    ]
    _puntuar(filas)
    filas.sort(key=lambda f: (f.total is None, -(f.total or 0), f.tramite.titulo.casefold()))
    for posicion, f in enumerate((f for f in filas if f.total is not None), start=1):
        f.posicion = posicion
    return Priorizacion(desde, hasta, filas)
