"""Recording the qualitative parts of an área's diagnóstico: the clima laboral survey's
results and the infrastructure checklist. Each is a new record (never an edit); bad input
raises ValidationError with a Spanish message and stores nothing."""

import datetime as dt

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from documentos.models import Area

from ..models import EncuestaClima, RevisionInfraestructura
from . import permisos


def _exigir(usuario, area: Area) -> None:
    if not permisos.puede_registrar_diagnostico(usuario, area):
        raise PermissionDenied(
            _(
                "Solo el personal del área, la unidad de modernización o la máxima autoridad registran su diagnóstico."
            )
        )


def registrar_clima(
    area: Area,
    *,
    desde: dt.date,
    hasta: dt.date,
    participantes: int,
    resultados: dict,
    usuario,
    personal: int | None = None,
    observaciones: str = "",
) -> EncuestaClima:
    """The results of a clima laboral survey: the mean (1 to 5) of each dimension measured."""
    _exigir(usuario, area)
    encuesta = EncuestaClima(
        area=area,
        periodo_desde=desde,
        periodo_hasta=hasta,
        participantes=participantes,
        personal=personal,
        resultados=resultados,
        observaciones=observaciones.strip(),
        registrada_por=usuario,
    )
    encuesta.full_clean()
    encuesta.save()
    return encuesta


def registrar_infraestructura(
    area: Area,
    *,
    desde: dt.date,
    hasta: dt.date,
    elementos: dict,
    usuario,
    observaciones: str = "",
) -> RevisionInfraestructura:
    """The checklist: {elemento: {"estado": ..., "notas": ...}} for every element."""
    _exigir(usuario, area)
    revision = RevisionInfraestructura(
        area=area,
        periodo_desde=desde,
        periodo_hasta=hasta,
        elementos=elementos,
        observaciones=observaciones.strip(),
        registrada_por=usuario,
    )
    revision.full_clean()
    revision.save()
    return revision
