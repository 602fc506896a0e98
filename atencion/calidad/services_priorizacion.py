"""The máxima autoridad prioritises a trámite of the catalog: its Evaluacion starts, with the
prioritisation's criteria as they were (a snapshot), the trámite's área, tema and servicios."""

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import Page

from ..models import Evaluacion, ModeloCalidad
from . import permisos
from .catalogo import TramiteCatalogo
from .selectors_priorizacion import priorizacion

# Until the cycle closes (the improvement is concluded) a trámite is being evaluated.
EN_CURSO = (
    Evaluacion.Estado.PRIORIZADA,
    Evaluacion.Estado.EN_EVALUACION,
    Evaluacion.Estado.EN_REVISION,
    Evaluacion.Estado.APROBADA,
)


def evaluacion_en_curso(tramite_id: int) -> Evaluacion | None:
    return Evaluacion.objects.filter(tramite_id=tramite_id, estado__in=EN_CURSO).first()


def en_curso_por_tramite() -> dict[int, Evaluacion]:
    """{trámite id: its evaluation in progress}, for the prioritisation page."""
    return {
        e.tramite_id: e
        for e in Evaluacion.objects.filter(estado__in=EN_CURSO, tramite__isnull=False)
    }


def _validar(tramite, modelo, desde, hasta, motivo) -> None:
    errores = {}
    if tramite.area_id is None:
        errores["tramite"] = _("El trámite no tiene área responsable en el catálogo.")
    if not modelo.activo:
        errores["modelo"] = _("El modelo de evaluación no está activo.")
    if desde > hasta:
        errores["hasta"] = _("El periodo termina antes de empezar.")
    elif hasta > timezone.localdate():
        errores["hasta"] = _("El periodo no puede terminar después de hoy.")
    if not motivo.strip():
        errores["motivo"] = _("Escriba el motivo de la priorización.")
    if errores:
        raise ValidationError(errores)


def priorizar(
    tramite: TramiteCatalogo,
    modelo: ModeloCalidad,
    desde: dt.date,
    hasta: dt.date,
    motivo: str,
    usuario,
) -> Evaluacion:
    """Create the trámite's Evaluacion (PRIORIZADA) for the period; refuses a trámite that
    already has one in progress."""
    if not permisos.puede_priorizar(usuario):
        raise PermissionDenied(
            _("Solo la máxima autoridad administrativa prioriza los servicios a evaluar.")
        )
    _validar(tramite, modelo, desde, hasta, motivo)
    tabla = priorizacion(desde, hasta)
    fila = tabla.fila(tramite.id)
    if fila is None:
        raise ValidationError(_("El trámite ya no está publicado en el catálogo."))
    with transaction.atomic():
        # Two clicks at once: the second waits here, then sees the first's evaluation.
        list(Page.objects.select_for_update().filter(pk=tramite.id).values_list("pk"))
        actual = evaluacion_en_curso(tramite.id)
        if actual is not None:
            raise ValidationError(
                _(
                    "«%(tramite)s» ya tiene una evaluación en curso (%(estado)s); podrá "
                    "priorizarlo de nuevo cuando esa concluya."
                )
                % {"tramite": tramite.titulo, "estado": actual.get_estado_display()}
            )
        evaluacion = Evaluacion.objects.create(
            nombre=tramite.titulo,
            modelo=modelo,
            tramite_id=tramite.id,
            area_id=tramite.area_id,
            tema_id=tramite.tema_id,
            periodo_desde=desde,
            periodo_hasta=hasta,
            motivo=motivo.strip(),
            priorizacion={
                "desde": desde.isoformat(),
                "hasta": hasta.isoformat(),
                "tramites": len(tabla.filas),
                **fila.como_dict(),
            },
            estado=Evaluacion.Estado.PRIORIZADA,
            creada_por=usuario,
        )
        evaluacion.servicios.set(tramite.servicio_ids)
    return evaluacion
