"""Who may do what in the quality cycle (the roles of RSGP 006-2019-PCM/SGP)."""

from cms import roles
from documentos.models import Area
from documentos.permisos import es_del_area

from ..models import Actividad, Evaluacion, MiembroEquipo


def _en_grupo(usuario, *nombres: str) -> bool:
    if not usuario.is_authenticated or not usuario.is_active:
        return False
    return usuario.is_superuser or usuario.groups.filter(name__in=nombres).exists()


def es_maxima_autoridad(usuario) -> bool:
    return _en_grupo(usuario, roles.MAXIMA_AUTORIDAD)


def es_modernizacion(usuario) -> bool:
    return _en_grupo(usuario, roles.MODERNIZACION)


def puede_ver_calidad(usuario) -> bool:
    """The quality menu: the roles above, the Contraloría, and anyone in a team or in
    charge of an activity."""
    if _en_grupo(usuario, roles.MAXIMA_AUTORIDAD, roles.MODERNIZACION, roles.CONTRALORIA):
        return True
    if not usuario.is_authenticated or not usuario.is_active:
        return False
    return (
        MiembroEquipo.objects.filter(usuario=usuario).exists()
        or Actividad.objects.filter(responsable=usuario).exists()
    )


def ve_todas_las_evaluaciones(usuario) -> bool:
    """The máxima autoridad, the unidad de modernización and the Contraloría see every
    evaluation; anyone else only those of the teams they are in."""
    return _en_grupo(usuario, roles.MAXIMA_AUTORIDAD, roles.MODERNIZACION, roles.CONTRALORIA)


def puede_ver_evaluacion(usuario, evaluacion: Evaluacion) -> bool:
    return ve_todas_las_evaluaciones(usuario) or es_del_equipo(usuario, evaluacion)


def puede_editar_modelos(usuario) -> bool:
    """Load presets and edit the evaluation models: the unidad de modernización."""
    return usuario.is_active and usuario.has_perm("atencion.change_modelocalidad")


def puede_priorizar(usuario) -> bool:
    """Choose the servicio to evaluate and designate its equipo evaluador."""
    return es_maxima_autoridad(usuario)


def es_del_equipo(usuario, evaluacion: Evaluacion) -> bool:
    if not usuario.is_authenticated or not usuario.is_active:
        return False
    return evaluacion.equipo.filter(usuario=usuario).exists()


def puede_designar_equipo(usuario, evaluacion: Evaluacion) -> bool:
    """Designate (or replace) the equipo evaluador: the máxima autoridad, until the informe
    is sent."""
    return evaluacion.estado in (
        Evaluacion.Estado.PRIORIZADA,
        Evaluacion.Estado.EN_EVALUACION,
    ) and es_maxima_autoridad(usuario)


def puede_iniciar(usuario, evaluacion: Evaluacion) -> bool:
    """Start the evaluation of a prioritised servicio: its team."""
    return evaluacion.estado == Evaluacion.Estado.PRIORIZADA and es_del_equipo(usuario, evaluacion)


def puede_evaluar(usuario, evaluacion: Evaluacion) -> bool:
    """Score criteria, upload evidence, record oportunidades: the team, while it evaluates."""
    return evaluacion.estado in (
        Evaluacion.Estado.PRIORIZADA,
        Evaluacion.Estado.EN_EVALUACION,
    ) and es_del_equipo(usuario, evaluacion)


def puede_enviar_informe(usuario, evaluacion: Evaluacion) -> bool:
    """Send the informe de evaluación for approval: the team's responsable."""
    return (
        evaluacion.estado == Evaluacion.Estado.EN_EVALUACION
        and evaluacion.equipo.filter(usuario=usuario, rol=MiembroEquipo.Rol.RESPONSABLE).exists()
    )


def puede_aprobar(usuario, evaluacion: Evaluacion) -> bool:
    return evaluacion.estado == Evaluacion.Estado.EN_REVISION and es_maxima_autoridad(usuario)


def puede_devolver(usuario, evaluacion: Evaluacion) -> bool:
    """Send the informe back to the team with a note: who may approve it."""
    return puede_aprobar(usuario, evaluacion)


def puede_planificar(usuario, evaluacion: Evaluacion) -> bool:
    """Plan acciones de mejora once the informe is approved: the unidad de modernización,
    the máxima autoridad, or staff of the área that gives the servicio."""
    if evaluacion.estado != Evaluacion.Estado.APROBADA:
        return False
    if es_maxima_autoridad(usuario) or es_modernizacion(usuario):
        return True
    return usuario.is_authenticated and usuario.areas.filter(pk=evaluacion.area_id).exists()


def puede_dar_seguimiento(usuario, actividad: Actividad) -> bool:
    """Add a seguimiento: the responsable de mejoras (person or staff of the área)."""
    if not usuario.is_authenticated or not usuario.is_active:
        return False
    if usuario.is_superuser or actividad.responsable_id == usuario.pk:
        return True
    return (
        bool(actividad.area_responsable_id)
        and usuario.areas.filter(pk=actividad.area_responsable_id).exists()
    )


def puede_cerrar(usuario, evaluacion: Evaluacion) -> bool:
    """Write the lecciones aprendidas and close the cycle: the unidad de modernización."""
    return evaluacion.estado == Evaluacion.Estado.APROBADA and es_modernizacion(usuario)


def areas_de_diagnostico(usuario):
    """The áreas whose diagnóstico the person may see: every active one for the quality roles
    and the Contraloría, their own for the área's staff."""
    if _en_grupo(usuario, roles.MAXIMA_AUTORIDAD, roles.MODERNIZACION, roles.CONTRALORIA):
        return Area.objects.filter(activa=True)
    if not usuario.is_authenticated or not usuario.is_active:
        return Area.objects.none()
    return usuario.areas.filter(activa=True)


def puede_ver_diagnostico(usuario, area: Area | None = None) -> bool:
    """See the diagnóstico of the área (with no área: the page, for the roles or the staff
    of an active área)."""
    if area is None:
        en_rol = _en_grupo(usuario, roles.MAXIMA_AUTORIDAD, roles.MODERNIZACION, roles.CONTRALORIA)
        return en_rol or areas_de_diagnostico(usuario).exists()
    return areas_de_diagnostico(usuario).filter(pk=area.pk).exists()


def puede_registrar_diagnostico(usuario, area: Area) -> bool:
    """Record the clima laboral survey and the infrastructure checklist of the área: its staff,
    the unidad de modernización and the máxima autoridad (the Contraloría only reads)."""
    return (
        es_maxima_autoridad(usuario)
        or es_modernizacion(usuario)
        or (area.activa and es_del_area(usuario, area.pk))
    )
