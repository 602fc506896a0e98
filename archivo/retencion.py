"""Retention arithmetic (pure: no database). The clock starts when an expediente closes."""

import datetime as dt
from enum import StrEnum


class Pendiente(StrEnum):
    TRANSFERENCIA_PRIMARIA = "transferencia_primaria"
    TRANSFERENCIA_SECUNDARIA = "transferencia_secundaria"
    BAJA = "baja"
    VALORACION = "valoracion"  # selección or digitalización: the archivist decides


def sumar_anios(fecha: dt.date, anios: int) -> dt.date:
    """`fecha` plus whole years; 29 February falls on 28 February in a common year."""
    try:
        return fecha.replace(year=fecha.year + anios)
    except ValueError:
        return fecha.replace(year=fecha.year + anios, day=28)


def fecha_fin_tramite(cerrado_en: dt.date | None, regla) -> dt.date | None:
    if cerrado_en is None:
        return None
    return sumar_anios(cerrado_en, regla.anios_tramite)


def fecha_fin_concentracion(cerrado_en: dt.date | None, regla) -> dt.date | None:
    # Counted from the closing date in one step, so a leap day does not drift twice.
    if cerrado_en is None:
        return None
    return sumar_anios(cerrado_en, regla.anios_tramite + regla.anios_concentracion)


def pendiente(cerrado_en: dt.date | None, regla, etapa: str, hoy: dt.date) -> Pendiente | None:
    """What is due on `hoy` for an expediente in `etapa` (the Expediente.Etapa values)."""
    if etapa == "tramite":
        fin = fecha_fin_tramite(cerrado_en, regla)
        if fin is not None and hoy >= fin:
            return Pendiente.TRANSFERENCIA_PRIMARIA
        return None
    if etapa == "concentracion":
        fin = fecha_fin_concentracion(cerrado_en, regla)
        if fin is None or hoy < fin:
            return None
        if regla.destino == "conservacion":
            return Pendiente.TRANSFERENCIA_SECUNDARIA
        if regla.destino == "baja":
            return Pendiente.BAJA
        return Pendiente.VALORACION
    return None
