"""The diagnóstico de la situación actual of an área (Oaxaca's manual): the inventory of its
trámites with their live figures, the clima laboral and infrastructure records of the period,
and a short list of automatic findings."""

import datetime as dt
from dataclasses import dataclass

from django.db.models import Q
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from documentos.models import Area

from ..models import EncuestaClima, EstadoElemento, RevisionInfraestructura
from . import catalogo
from .indicadores import Ambito, Cifras, cifras

# Thresholds of the findings.
UMBRAL_EN_PLAZO_PCT = 80  # share of escritos answered on time, below it: a finding
UMBRAL_SATISFACCION = 3.5  # survey mean (1 to 5)
UMBRAL_ESPERA_MIN = 30  # mean wait at the window, minutes
UMBRAL_CLIMA = 3.0  # mean of a clima laboral dimension (1 to 5)


@dataclass(frozen=True)
class FilaInventario:
    tramite: catalogo.TramiteCatalogo
    cifras: Cifras
    # Other trámites of the área with the same tema: its escritos are counted in each.
    comparten_escritos: int

    @property
    def sin_datos(self) -> bool:
        return not (self.cifras.escritos or self.cifras.fichas or self.cifras.encuestas)


@dataclass(frozen=True)
class Inventario:
    area: Area
    desde: dt.date
    hasta: dt.date
    filas: list[FilaInventario]
    total: Cifras  # the whole área, also what no trámite of it is linked to


def comparten_escritos(tramite, tramites) -> int:
    """How many other trámites of the list count the same escritos: same área and tema, or
    either without a tema (then all of the área's)."""
    return sum(
        1
        for otro in tramites
        if otro.id != tramite.id
        and otro.area_id == tramite.area_id
        and (otro.tema_id == tramite.tema_id or None in (otro.tema_id, tramite.tema_id))
    )


def inventario(area: Area, desde: dt.date, hasta: dt.date) -> Inventario:
    tramites = catalogo.tramites(area_id=area.pk)
    filas = [
        FilaInventario(t, cifras(t.ambito, desde, hasta), comparten_escritos(t, tramites))
        for t in tramites
    ]
    return Inventario(area, desde, hasta, filas, cifras(Ambito(area.pk), desde, hasta))


def _del_periodo(modelo, area: Area, desde: dt.date, hasta: dt.date):
    """The area's records whose period overlaps the given one, latest first."""
    return modelo.objects.filter(
        Q(periodo_desde__lte=hasta) & Q(periodo_hasta__gte=desde), area=area
    ).select_related("registrada_por")


def climas(area: Area, desde: dt.date, hasta: dt.date) -> list[EncuestaClima]:
    return list(_del_periodo(EncuestaClima, area, desde, hasta))


def revisiones(area: Area, desde: dt.date, hasta: dt.date) -> list[RevisionInfraestructura]:
    return list(_del_periodo(RevisionInfraestructura, area, desde, hasta))


def _numero(valor, decimales=1) -> str:
    return number_format(valor, decimales)


def hallazgos(
    inventario: Inventario,
    clima: EncuestaClima | None,
    revision: RevisionInfraestructura | None,
) -> list[str]:
    """Short automatic findings, from the thresholds above (staff add their reading)."""
    textos = []
    for fila in inventario.filas:
        c, nombre = fila.cifras, fila.tramite.titulo
        if fila.sin_datos:
            textos.append(
                _("«%(t)s»: sin escritos, turnos ni encuestas en el periodo.") % {"t": nombre}
            )
            continue
        if c.en_plazo_pct is not None and c.en_plazo_pct < UMBRAL_EN_PLAZO_PCT:
            textos.append(
                _(
                    "«%(t)s»: solo el %(v)s %% de los escritos se respondió en plazo (menos de %(u)s %%)."
                )
                % {"t": nombre, "v": _numero(c.en_plazo_pct), "u": UMBRAL_EN_PLAZO_PCT}
            )
        if c.satisfaccion is not None and c.satisfaccion < UMBRAL_SATISFACCION:
            textos.append(
                _("«%(t)s»: satisfacción de %(v)s de 5 en las encuestas (menos de %(u)s).")
                % {"t": nombre, "v": _numero(c.satisfaccion, 2), "u": _numero(UMBRAL_SATISFACCION)}
            )
        if c.espera_media is not None and c.espera_media > UMBRAL_ESPERA_MIN:
            textos.append(
                _("«%(t)s»: espera promedio de %(v)s minutos en ventanilla (más de %(u)s).")
                % {"t": nombre, "v": _numero(c.espera_media), "u": UMBRAL_ESPERA_MIN}
            )
        if c.quejas:
            textos.append(
                ngettext(
                    "«%(t)s»: %(n)s queja o denuncia en el periodo.",
                    "«%(t)s»: %(n)s quejas o denuncias en el periodo.",
                    c.quejas,
                )
                % {"t": nombre, "n": c.quejas}
            )
        if c.coyotaje:
            textos.append(
                ngettext(
                    "«%(t)s»: %(n)s reporte de posible coyotaje en las encuestas.",
                    "«%(t)s»: %(n)s reportes de posible coyotaje en las encuestas.",
                    c.coyotaje,
                )
                % {"t": nombre, "n": c.coyotaje}
            )
    if clima is None:
        textos.append(_("No hay encuesta de clima laboral registrada para el periodo."))
    else:
        for _clave, dimension, media in clima.dimensiones():
            if media is not None and media < UMBRAL_CLIMA:
                textos.append(
                    _("Clima laboral: %(d)s con promedio de %(v)s de 5 (menos de %(u)s).")
                    % {"d": dimension, "v": _numero(media, 2), "u": _numero(UMBRAL_CLIMA)}
                )
    if revision is None:
        textos.append(_("No hay revisión de infraestructura registrada para el periodo."))
    else:
        for _clave, elemento, estado, _etiqueta, _notas in revision.revisados():
            if estado == EstadoElemento.INADECUADO:
                textos.append(_("Infraestructura: %(e)s en estado inadecuado.") % {"e": elemento})
    return textos


@dataclass(frozen=True)
class Diagnostico:
    inventario: Inventario
    climas: list[EncuestaClima]  # of the period, latest first
    revisiones: list[RevisionInfraestructura]
    hallazgos: list[str]

    @property
    def clima(self) -> EncuestaClima | None:
        return self.climas[0] if self.climas else None

    @property
    def revision(self) -> RevisionInfraestructura | None:
        return self.revisiones[0] if self.revisiones else None


def diagnostico(area: Area, desde: dt.date, hasta: dt.date) -> Diagnostico:
    inv = inventario(area, desde, hasta)
    de_clima, de_infra = climas(area, desde, hasta), revisiones(area, desde, hasta)
    return Diagnostico(
        inv,
        de_clima,
        de_infra,
        hallazgos(inv, de_clima[0] if de_clima else None, de_infra[0] if de_infra else None),
    )
