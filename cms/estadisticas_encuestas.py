"""The satisfaction figures of the statistics page (from atencion's survey answers), built
like every other figure: counts and measures that secreto_estadistico protects."""

from django.utils.translation import gettext as _

from atencion import selectors_encuestas as sel

from .secreto_estadistico import Conteo, Medida


def figuras(filtros) -> list:
    """Satisfaction per área and per servicio for the period (and área) of the filters."""
    from .estadisticas import Figura, Grafica  # cms.estadisticas calls this module

    consulta = sel.respuestas(filtros.desde, filtros.hasta)
    if filtros.area_id:
        consulta = consulta.filter(area_id=filtros.area_id)
    resultado = []
    for slug, dimension, titulo, columna, sin in (
        (
            "satisfaccion-por-area",
            "area",
            _("Satisfacción por área"),
            _("área"),
            _("Sin área"),
        ),
        (
            "satisfaccion-por-servicio",
            "servicio",
            _("Satisfacción por servicio"),
            _("servicio"),
            _("Sin servicio (escritos)"),
        ),
    ):
        filas = sel.satisfaccion_publica(dimension, consulta)
        resultado.append(
            Figura(
                slug,
                titulo,
                _(
                    "Calificación promedio de la satisfacción general (1 = muy mal, 5 = muy "
                    "bien) en las encuestas anónimas respondidas en el periodo."
                ),
                [columna, _("respuestas"), _("satisfacción promedio")],
                [[nombre or sin, Conteo(n), Medida(media, n)] for nombre, n, media in filas],
                Grafica("barras", None, [2]),
                particiones=(1,),
                ordenada=True,
            )
        )
    return resultado
