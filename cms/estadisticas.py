"""The statistics page's figures: tables and charts built from documentos.estadisticas.

Figures are cached for FOLIO_ESTADISTICAS_CACHE_SEGUNDOS per filter combination; the same
cached figures feed the page, the downloads and the JSON API.
"""

import datetime as dt
from dataclasses import dataclass, field

from django import forms
from django.conf import settings
from django.core.cache import cache
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from documentos import estadisticas as est
from documentos.models import Area, Escrito, Respuesta

from . import graficas

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
MAX_DIAS_PERIODO = 366 * 5
DIAS_SERIE_DIARIA = 31
VERSION_CACHE = 1


@dataclass
class Figura:
    slug: str
    titulo: str
    descripcion: str
    columnas: list[str]
    filas: list[list]
    grafica: dict | None = None
    indicadores: list[tuple[str, str]] = field(default_factory=list)

    def como_dict(self) -> dict:
        return {
            "figura": self.slug,
            "titulo": self.titulo,
            "descripcion": self.descripcion,
            "columnas": self.columnas,
            "datos": [dict(zip(self.columnas, fila, strict=True)) for fila in self.filas],
        }


class FiltroEstadisticasForm(forms.Form):
    desde = forms.DateField(
        label=gettext_lazy("Desde"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    hasta = forms.DateField(
        label=gettext_lazy("Hasta"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    area = forms.ModelChoiceField(
        label=gettext_lazy("Área"),
        queryset=Area.objects.none(),
        required=False,
        empty_label=gettext_lazy("Todas las áreas"),
    )

    def __init__(self, *args, meses: int = 12, **kwargs):
        super().__init__(*args, **kwargs)
        self.meses = meses
        self.fields["area"].queryset = Area.objects.order_by("nombre")
        if not self.is_bound:
            self.initial["desde"], self.initial["hasta"] = self.periodo_por_defecto()

    def periodo_por_defecto(self) -> tuple[dt.date, dt.date]:
        hoy = timezone.localdate()
        mes = hoy.month - (self.meses - 1)
        anio = hoy.year
        while mes < 1:
            mes += 12
            anio -= 1
        return dt.date(anio, mes, 1), hoy

    def clean(self):
        datos = super().clean()
        desde_def, hasta_def = self.periodo_por_defecto()
        desde = datos.get("desde") or desde_def
        hasta = datos.get("hasta") or hasta_def
        if desde > hasta:
            raise forms.ValidationError(_("La fecha «desde» debe ser anterior o igual a «hasta»."))
        if (hasta - desde).days > MAX_DIAS_PERIODO:
            raise forms.ValidationError(_("Elija un periodo de cinco años o menos."))
        datos["desde"], datos["hasta"] = desde, hasta
        return datos

    def filtros(self) -> est.Filtros:
        """Valid filters, or the default period when the input is invalid or empty."""
        if self.is_bound and self.is_valid():
            area = self.cleaned_data.get("area")
            return est.Filtros(
                self.cleaned_data["desde"], self.cleaned_data["hasta"], area.pk if area else None
            )
        desde, hasta = self.periodo_por_defecto()
        return est.Filtros(desde, hasta, None)


def filtros_de(datos, meses: int = 12) -> tuple[FiltroEstadisticasForm, est.Filtros]:
    form = FiltroEstadisticasForm(datos or None, meses=meses)
    return form, form.filtros()


def _mes(fecha: dt.date) -> str:
    return f"{str(MESES[fecha.month - 1])[:3]} {fecha.year % 100:02d}"


def _pct(parte: int, total: int) -> float:
    return round(100 * parte / total, 1) if total else 0.0


def _construir(filtros: est.Filtros) -> list[Figura]:
    figuras = []
    total = est.total(filtros)
    tiempo = est.tiempo_respuesta(filtros)
    oportunidad = est.oportunidad(filtros)
    pct = oportunidad.porcentaje_en_plazo

    def dias(valor):
        return "—" if valor is None else f"{valor:g} " + _("días hábiles")

    figuras.append(
        Figura(
            "resumen",
            _("Resumen del periodo"),
            _("Cifras principales de los escritos recibidos en el periodo elegido."),
            [_("indicador"), _("valor")],
            [
                [_("Escritos recibidos"), total],
                [_("Escritos respondidos"), tiempo.respondidos],
                [_("Mediana del tiempo de respuesta (días hábiles)"), tiempo.mediana],
                [_("Percentil 90 del tiempo de respuesta (días hábiles)"), tiempo.percentil_90],
                [_("Porcentaje respondido en plazo"), pct],
            ],
            indicadores=[
                (_("Escritos recibidos"), f"{total:,}".replace(",", " ")),
                (_("Respondidos"), f"{tiempo.respondidos:,}".replace(",", " ")),
                (_("Tiempo de respuesta (mediana)"), dias(tiempo.mediana)),
                (_("Respondidos en plazo"), "—" if pct is None else f"{pct:g} %"),
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
            [[d.isoformat(), n] for d, n in diaria],
            graficas.columnas([(d.strftime("%d/%m"), n) for d, n in diaria], max_etiquetas=8),
        )
    )

    mensual = est.por_mes(filtros)
    figuras.append(
        Figura(
            "por-mes",
            _("Solicitudes por mes"),
            _("Escritos recibidos cada mes del periodo."),
            [_("mes"), _("escritos")],
            [[m.strftime("%Y-%m"), n] for m, n in mensual],
            graficas.columnas([(_mes(m), n) for m, n in mensual]),
        )
    )

    comparativo = est.comparativo_anual(filtros)
    figuras.append(
        Figura(
            "comparativo-anual",
            _("Comparativo de solicitudes por año"),
            _("Escritos recibidos por mes en cada uno de los últimos años."),
            [_("mes"), *[str(a) for a in comparativo]],
            [[str(MESES[i]), *[comparativo[a][i] for a in comparativo]] for i in range(12)]
            + [[_("Total"), *[sum(n or 0 for n in v) for v in comparativo.values()]]],
            graficas.lineas(
                [str(m)[:3] for m in MESES],
                [(str(a), valores) for a, valores in comparativo.items()],
            ),
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
            [[str(MESES[m - 1]), n] for m, n in meses],
            graficas.barras([(str(MESES[m - 1]).capitalize(), n) for m, n in meses]),
        )
    )

    areas = est.por_area(filtros)
    figuras.append(
        Figura(
            "areas",
            _("Áreas que más solicitudes reciben"),
            _("Las diez áreas responsables con más escritos en el periodo."),
            [_("área"), _("escritos")],
            [[a, n] for a, n in areas],
            graficas.barras(areas) if areas else None,
        )
    )

    temas = [(t or _("Sin tema"), n) for t, n in est.por_tema(filtros)]
    figuras.append(
        Figura(
            "temas",
            _("Temas más solicitados"),
            _("Los diez temas con más escritos en el periodo."),
            [_("tema"), _("escritos")],
            [[t, n] for t, n in temas],
            graficas.barras(temas) if temas else None,
        )
    )

    sexo = est.por_sexo(filtros)
    total_fisicas = sum(n for _, n in sexo)
    etiquetas_sexo = dict(Escrito.Sexo.choices)
    figuras.append(
        Figura(
            "sexo",
            _("Solicitudes por sexo de quien las presenta"),
            _(
                "Personas físicas según el sexo que declararon (las personas morales no se cuentan)."
            ),
            [_("sexo"), _("escritos"), _("porcentaje")],
            [[str(etiquetas_sexo[s]), n, _pct(n, total_fisicas)] for s, n in sexo],
            graficas.barras([(str(etiquetas_sexo[s]), n) for s, n in sexo]),
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
                [_("Mediana"), tiempo.mediana],
                [_("Percentil 90"), tiempo.percentil_90],
                [_("Escritos respondidos"), tiempo.respondidos],
            ],
            graficas.barras(
                [
                    (_("Mediana"), tiempo.mediana or 0),
                    (_("Percentil 90"), tiempo.percentil_90 or 0),
                ],
                sufijo=" " + _("días"),
            )
            if tiempo.respondidos
            else None,
        )
    )

    sentidos = est.sentido(filtros)
    total_sentidos = sum(n for _, n in sentidos)
    etiquetas_sentido = dict(Respuesta.Sentido.choices)
    figuras.append(
        Figura(
            "sentido-de-la-respuesta",
            _("Sentido de la respuesta"),
            _("Sentido de la última respuesta de cada escrito respondido."),
            [_("sentido"), _("escritos"), _("porcentaje")],
            [[str(etiquetas_sentido[s]), n, _pct(n, total_sentidos)] for s, n in sentidos],
            graficas.barras([(str(etiquetas_sentido[s]), n) for s, n in sentidos]),
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
            [[str(t), n] for t, n in oportunidad_filas] + [[_("Porcentaje en plazo"), pct]],
            graficas.barras([(str(t), n) for t, n in oportunidad_filas]),
            indicadores=[(_("Respondidos en plazo"), "—" if pct is None else f"{pct:g} %")],
        )
    )
    return figuras


def figuras(filtros: est.Filtros) -> list[Figura]:
    """All figures for these filters, from the cache when fresh."""
    clave = f"folio:estadisticas:{VERSION_CACHE}:{filtros.desde.isoformat()}:{filtros.hasta.isoformat()}:{filtros.area_id or 0}"
    resultado = cache.get(clave)
    if resultado is None:
        resultado = _construir(filtros)
        cache.set(clave, resultado, settings.FOLIO_ESTADISTICAS_CACHE_SEGUNDOS)
    return resultado
