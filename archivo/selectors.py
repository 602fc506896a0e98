"""Reads for the archive: what is due, what is out on loan."""

import datetime as dt

from . import retencion
from .models import CatalogoVersion, Expediente, Prestamo, ReglaDisposicion, Retencion


def version_vigente() -> CatalogoVersion | None:
    """The approved catálogo version new expedientes open under (the latest approved)."""
    return (
        CatalogoVersion.objects.filter(estado=CatalogoVersion.Estado.APROBADA)
        .order_by("-aprobada_en", "-pk")
        .first()
    )


def regla_de(version, serie, subserie=None) -> ReglaDisposicion | None:
    """The subserie's own rule if the version has one, else the serie's."""
    reglas = ReglaDisposicion.objects.filter(version=version, serie=serie)
    if subserie is not None:
        propia = reglas.filter(subserie=subserie).first()
        if propia is not None:
            return propia
    return reglas.filter(subserie__isnull=True).first()


def _reglas_de(expedientes) -> dict:
    """(version, serie, subserie) → rule for a list of expedientes, in one query."""
    versiones = {e.version_id for e in expedientes}
    reglas = {}
    for r in ReglaDisposicion.objects.filter(version_id__in=versiones):
        reglas[(r.version_id, r.serie_id, r.subserie_id)] = r
    return reglas


def con_regla(expedientes):
    reglas = _reglas_de(expedientes)
    for e in expedientes:
        regla = reglas.get((e.version_id, e.serie_id, e.subserie_id)) or reglas.get(
            (e.version_id, e.serie_id, None)
        )
        if regla is not None:
            yield e, regla


def prestamos_vencidos(hoy: dt.date):
    """Loans not returned whose return date has passed, oldest first."""
    return (
        Prestamo.objects.filter(devuelto_en__isnull=True, vence_en__lt=hoy)
        .select_related("expediente", "solicitante")
        .order_by("vence_en", "pk")
    )


def por_transferir(area, hoy: dt.date) -> list[Expediente]:
    """The área's closed expedientes whose years in trámite have ended."""
    candidatos = list(
        Expediente.objects.filter(
            area=area, etapa=Expediente.Etapa.TRAMITE, cerrado_en__isnull=False
        ).order_by("clave")
    )
    return [
        e
        for e, regla in con_regla(candidatos)
        if retencion.pendiente(e.cerrado_en, regla, e.etapa, hoy)
        == retencion.Pendiente.TRANSFERENCIA_PRIMARIA
    ]


def _retenidos_ids():
    return Retencion.objects.filter(levantada_en__isnull=True).values("expediente_id")


def retenidos():
    """Expedientes under a hold that has not been lifted."""
    return Expediente.objects.filter(pk__in=_retenidos_ids())


def por_dar_de_baja(hoy: dt.date) -> list[Expediente]:
    """Expedientes in concentración whose retention ended with destino baja, and no hold."""
    candidatos = list(
        Expediente.objects.filter(etapa=Expediente.Etapa.CONCENTRACION, cerrado_en__isnull=False)
        .exclude(pk__in=_retenidos_ids())
        .order_by("clave")
    )
    return [
        e
        for e, regla in con_regla(candidatos)
        if retencion.pendiente(e.cerrado_en, regla, e.etapa, hoy) == retencion.Pendiente.BAJA
    ]
