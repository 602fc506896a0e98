"""The attention at the windows in the public statistics: mean wait per sede, today and per
month (atencion.tiempos). No person and no window: servidor-level figures stay in the admin.
A mean from fewer fichas than the threshold is "omitido" (secreto_estadistico.Medida)."""

from django.utils import timezone
from django.utils.translation import gettext as _

from atencion import tiempos
from documentos import estadisticas as est

from .secreto_estadistico import Conteo, Medida

SLUGS = ["espera-por-sede", "espera-por-sede-y-mes"]


def _media(t: tiempos.Tiempos | None) -> Medida:
    return Medida(None, 0) if t is None else Medida(t.espera_media, t.llamados)


def figuras(filtros: est.Filtros) -> list:
    from .estadisticas import Figura, Grafica, _mes  # cms.estadisticas calls this module

    hoy = timezone.localdate()
    area = filtros.area_id
    de_hoy = dict(tiempos.espera_por_sede(hoy, hoy, area_id=area))
    periodo = dict(tiempos.espera_por_sede(filtros.desde, filtros.hasta, area_id=area))
    sedes = sorted(set(de_hoy) | set(periodo))
    por_sede = Figura(
        SLUGS[0],
        _("Espera promedio por sede"),
        _(
            "Minutos entre que la persona toma su turno y es llamada a la ventanilla, en "
            "promedio: hoy y en el periodo elegido."
        ),
        [
            _("sede"),
            _("espera hoy (minutos)"),
            _("espera en el periodo (minutos)"),
            _("turnos llamados en el periodo"),
        ],
        [
            [
                sede,
                _media(de_hoy.get(sede)),
                _media(periodo.get(sede)),
                Conteo(periodo[sede].llamados if sede in periodo else 0),
            ]
            for sede in sedes
        ],
        Grafica("barras", None, [2], opciones={"sufijo": " " + _("min")}),
    )
    mensual = tiempos.espera_por_sede_y_mes(filtros.desde, filtros.hasta, area_id=area)
    meses = list(est._meses(filtros.desde, filtros.hasta))
    por_mes = Figura(
        SLUGS[1],
        _("Espera promedio por sede y mes"),
        _("Minutos de espera en promedio, cada mes del periodo, en cada sede."),
        [_("mes"), *mensual],
        [
            [mes.strftime("%Y-%m"), *[_media(mensual[sede].get(mes)) for sede in mensual]]
            for mes in meses
        ],
        Grafica("lineas", [_mes(m) for m in meses], list(range(1, len(mensual) + 1))),
    )
    return [por_sede, por_mes]
