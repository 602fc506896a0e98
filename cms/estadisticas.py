"""The statistics page's figures: tables and charts built from documentos.estadisticas.

Figures are cached for FOLIO_ESTADISTICAS_CACHE_SEGUNDOS per filter combination; the same
cached figures feed the page, the downloads and the JSON API.
"""

import datetime as dt
from dataclasses import dataclass, field

from django.conf import settings
from django.core.cache import cache
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from documentos import estadisticas as est
from documentos.models import Escrito, Respuesta

from . import estadisticas_atencion, estadisticas_encuestas, graficas, secreto_estadistico
from .secreto_estadistico import Conteo, Medida

MESES = [
    gettext_lazy("enero"),
    gettext_lazy("febrero"),
    gettext_lazy("marzo"),
    gettext_lazy("abril"),
    gettext_lazy("mayo"),
    gettext_lazy("junio"),
    gettext_lazy("julio"),
    gettext_lazy("agosto"),
    gettext_lazy("septiembre"),
    gettext_lazy("octubre"),
    gettext_lazy("noviembre"),
    gettext_lazy("diciembre"),
]
DIAS_SERIE_DIARIA = 31
VERSION_CACHE = 4


@dataclass
class Grafica:
    """A chart to draw from the figure's published rows (after secreto_estadistico)."""

    tipo: str  # "barras", "columnas" or "lineas" (cms.graficas)
    etiquetas: list[str] | None  # None: the rows' first cell (rankings are reordered)
    columnas: list[int]  # value columns (several for "lineas": one series each)
    filas: int | None = None  # how many rows are drawn (None: all)
    opciones: dict = field(default_factory=dict)

    def dibujar(self, figura) -> dict:
        filas = figura.filas[: self.filas]
        if self.tipo == "lineas":
            series = [(figura.columnas[c], [f[c] for f in filas]) for c in self.columnas]
            return graficas.lineas(self.etiquetas, series)
        etiquetas = self.etiquetas or [str(f[0]) for f in filas]
        pares = list(zip(etiquetas, (f[self.columnas[0]] for f in filas), strict=False))
        return getattr(graficas, self.tipo)(pares, **self.opciones)


@dataclass
class Figura:
    """A public figure. Cells are plain values, or secreto_estadistico.Conteo / Medida until
    `publicar()` applies the statistical confidentiality rules."""

    slug: str
    titulo: str
    descripcion: str
    columnas: list[str]
    filas: list[list]
    grafica: Grafica | dict | None = None
    # (label, row): the big numbers on top of the page, read from column 1 of that row.
    indicadores: list[tuple[str, int]] = field(default_factory=list)
    particiones: tuple[int, ...] = ()  # count columns that add up to a known total
    porcentajes: dict[int, int] = field(default_factory=dict)  # percentage column -> its count
    ordenada: bool = False  # rows ranked by count
    fila_total: int | None = None  # a row with the totals of the columns

    def publicar(self) -> "Figura":
        """The figure as the public sees it: protected, and its chart drawn from that."""
        publicada = secreto_estadistico.proteger(self)
        dibujable = isinstance(self.grafica, Grafica) and any(
            isinstance(fila[c], int | float) and fila[c] > 0
            for fila in publicada.filas[: self.grafica.filas]
            for c in self.grafica.columnas
        )
        publicada.grafica = self.grafica.dibujar(publicada) if dibujable else None
        return publicada

    @property
    def reservada(self) -> bool:
        """Some published cell hides its value."""
        return any(secreto_estadistico.es_reservado(v) for fila in self.filas for v in fila)

    def indicador(self, fila: int) -> str:
        valor = self.filas[fila][1]
        if valor is None:
            return "—"
        if isinstance(valor, str):
            return valor
        return f"{valor:,}".replace(",", " ") if isinstance(valor, int) else f"{valor:g}"

    @property
    def valores_indicadores(self) -> list[tuple[str, str]]:
        return [(etiqueta, self.indicador(fila)) for etiqueta, fila in self.indicadores]


def _mes(fecha: dt.date) -> str:
    return f"{str(MESES[fecha.month - 1])[:3]} {fecha.year % 100:02d}"


def _pct(parte: int, total: int) -> float:
    return round(100 * parte / total, 1) if total else 0.0


def _construir(filtros: est.Filtros) -> list[Figura]:
    """The figures with their raw counts (Conteo) and measures (Medida)."""
    figuras = []
    total = est.total(filtros)
    tiempo = est.tiempo_respuesta(filtros)
    oportunidad = est.oportunidad(filtros)
    respondidos = Conteo(tiempo.respondidos)
    mediana = Medida(tiempo.mediana, tiempo.respondidos)
    p90 = Medida(tiempo.percentil_90, tiempo.respondidos)
    en_plazo = Medida(oportunidad.porcentaje_en_plazo, oportunidad.exigibles)

    figuras.append(
        Figura(
            "resumen",
            _("Resumen del periodo"),
            _("Cifras principales de los escritos recibidos en el periodo elegido."),
            [_("indicador"), _("valor")],
            [
                [_("Escritos recibidos"), Conteo(total)],
                [_("Escritos respondidos"), respondidos],
                [_("Mediana del tiempo de respuesta (días hábiles)"), mediana],
                [_("Percentil 90 del tiempo de respuesta (días hábiles)"), p90],
                [_("Porcentaje respondido en plazo"), en_plazo],
            ],
            indicadores=[
                (_("Escritos recibidos"), 0),
                (_("Respondidos"), 1),
                (_("Tiempo de respuesta (mediana, días hábiles)"), 2),
                (_("Respondidos en plazo (%)"), 4),
            ],
        )
    )

    diaria = est.por_dia(filtros)[-DIAS_SERIE_DIARIA:]
    figuras.append(
        Figura(
            "por-dia",
            _("Solicitudes por día"),
            _("Escritos recibidos cada día en los últimos %(n)s días del periodo.")
            % {"n": len(diaria)},
            [_("fecha"), _("escritos")],
            [[dia.isoformat(), Conteo(n)] for dia, n in diaria],
            Grafica(
                "columnas",
                [dia.strftime("%d/%m") for dia, _n in diaria],
                [1],
                opciones={"max_etiquetas": 8},
            ),
            particiones=(1,),
        )
    )

    mensual = est.por_mes(filtros)
    figuras.append(
        Figura(
            "por-mes",
            _("Solicitudes por mes"),
            _("Escritos recibidos cada mes del periodo."),
            [_("mes"), _("escritos")],
            [[m.strftime("%Y-%m"), Conteo(n)] for m, n in mensual],
            Grafica("columnas", [_mes(m) for m, _n in mensual], [1]),
            particiones=(1,),
        )
    )

    comparativo = est.comparativo_anual(filtros)
    anios = list(comparativo)
    figuras.append(
        Figura(
            "comparativo-anual",
            _("Comparativo de solicitudes por año"),
            _("Escritos recibidos por mes en cada uno de los últimos años."),
            [_("mes"), *[str(a) for a in anios]],
            [[str(MESES[i]), *[_conteo(comparativo[a][i]) for a in anios]] for i in range(12)]
            + [[_("Total"), *[Conteo(sum(n or 0 for n in comparativo[a])) for a in anios]]],
            Grafica(
                "lineas", [str(m)[:3] for m in MESES], list(range(1, len(anios) + 1)), filas=12
            ),
            particiones=tuple(range(1, len(anios) + 1)),
            fila_total=12,
        )
    )

    meses = sorted(est.por_mes_del_anio(filtros), key=lambda mn: (-mn[1], mn[0]))
    figuras.append(
        Figura(
            "meses-con-mas-solicitudes",
            _("Meses con más solicitudes"),
            _(
                "Escritos recibidos en el periodo, sumados por mes del año y ordenados de mayor a menor."
            ),
            [_("mes"), _("escritos")],
            [[str(MESES[m - 1]).capitalize(), Conteo(n)] for m, n in meses],
            Grafica("barras", None, [1]),
            particiones=(1,),
            ordenada=True,
        )
    )

    areas = est.por_area(filtros)
    figuras.append(
        Figura(
            "areas",
            _("Áreas que más solicitudes reciben"),
            _("Las diez áreas responsables con más escritos en el periodo."),
            [_("área"), _("escritos")],
            [[a, Conteo(n)] for a, n in areas],
            Grafica("barras", None, [1]),
            particiones=(1,),
            ordenada=True,
        )
    )

    temas = [(t or _("Sin tema"), n) for t, n in est.por_tema(filtros)]
    figuras.append(
        Figura(
            "temas",
            _("Temas más solicitados"),
            _("Los diez temas con más escritos en el periodo."),
            [_("tema"), _("escritos")],
            [[t, Conteo(n)] for t, n in temas],
            Grafica("barras", None, [1]),
            particiones=(1,),
            ordenada=True,
        )
    )

    sexo = est.por_sexo(filtros)
    total_fisicas = sum(n for _s, n in sexo)
    etiquetas_sexo = dict(Escrito.Sexo.choices)
    figuras.append(
        Figura(
            "sexo",
            _("Solicitudes por sexo de quien las presenta"),
            _(
                "Personas físicas según el sexo que declararon (las personas morales no se cuentan)."
            ),
            [_("sexo"), _("escritos"), _("porcentaje")],
            [
                [str(etiquetas_sexo[s]), Conteo(n), Medida(_pct(n, total_fisicas), total_fisicas)]
                for s, n in sexo
            ],
            Grafica("barras", None, [1]),
            particiones=(1,),
            porcentajes={2: 1},
        )
    )

    figuras.append(
        Figura(
            "tiempo-de-respuesta",
            _("Tiempo de respuesta"),
            _(
                "Días hábiles entre la recepción y la primera respuesta, para los escritos del "
                "periodo ya respondidos."
            ),
            [_("medida"), _("días hábiles")],
            [
                [_("Mediana"), mediana],
                [_("Percentil 90"), p90],
                [_("Escritos respondidos"), respondidos],
            ],
            Grafica(
                "barras",
                None,
                [1],
                filas=2,
                opciones={"sufijo": " " + _("días")},
            ),
        )
    )

    sentidos = est.sentido(filtros)
    total_sentidos = sum(n for _s, n in sentidos)
    etiquetas_sentido = dict(Respuesta.Sentido.choices)
    figuras.append(
        Figura(
            "sentido-de-la-respuesta",
            _("Sentido de la respuesta"),
            _("Sentido de la última respuesta de cada escrito respondido."),
            [_("sentido"), _("escritos"), _("porcentaje")],
            [
                [
                    str(etiquetas_sentido[s]),
                    Conteo(n),
                    Medida(_pct(n, total_sentidos), total_sentidos),
                ]
                for s, n in sentidos
            ],
            Grafica("barras", None, [1]),
            particiones=(1,),
            porcentajes={2: 1},
        )
    )

    oportunidad_filas = [
        (_("Respondidos en plazo"), oportunidad.en_plazo),
        (_("Respondidos fuera de plazo"), oportunidad.fuera_de_plazo),
        (_("Vencidos sin respuesta"), oportunidad.vencidos_sin_respuesta),
        (_("Pendientes dentro del plazo"), oportunidad.pendientes_en_plazo),
    ]
    figuras.append(
        Figura(
            "respuesta-en-plazo",
            _("Respuestas en plazo"),
            _(
                "Porcentaje en plazo = respondidos hasta la fecha límite ÷ (respondidos + "
                "vencidos sin respuesta). Los pendientes dentro del plazo no cuentan todavía."
            ),
            [_("situación"), _("escritos")],
            [[str(t), Conteo(n)] for t, n in oportunidad_filas]
            + [[_("Porcentaje en plazo"), en_plazo]],
            Grafica("barras", None, [1], filas=4),
            indicadores=[(_("Respondidos en plazo (%)"), 4)],
            particiones=(1,),
        )
    )
    figuras.extend(estadisticas_encuestas.figuras(filtros))
    figuras.extend(estadisticas_atencion.figuras(filtros))
    return figuras


def _conteo(n: int | None) -> Conteo | None:
    """A month not reached yet stays None (not a zero)."""
    return None if n is None else Conteo(n)


def figuras(filtros: est.Filtros) -> list[Figura]:
    """All figures for these filters, from the cache when fresh."""
    clave = (
        f"folio:estadisticas:{VERSION_CACHE}:{secreto_estadistico.umbral()}:"
        f"{filtros.desde.isoformat()}:{filtros.hasta.isoformat()}:{filtros.area_id or 0}"
    )
    resultado = cache.get(clave)
    if resultado is None:
        # Only published (protected) figures are cached and leave this module.
        resultado = [figura.publicar() for figura in _construir(filtros)]
        cache.set(clave, resultado, settings.FOLIO_ESTADISTICAS_CACHE_SEGUNDOS)
    return resultado
