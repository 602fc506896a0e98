"""The history of an evaluation (who did what, when) in Wagtail's audit log (ModelLogEntry):
each service writes one entry per change inside its transaction; the admin shows them."""

from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log

# action -> (label, message), registered by hooks_calidad with register_log_actions.
ACCIONES = {
    "atencion.calidad.equipo": (_("Designar equipo evaluador"), _("Designó al equipo evaluador")),
    "atencion.calidad.iniciar": (_("Iniciar evaluación"), _("Inició la evaluación")),
    "atencion.calidad.calificar": (_("Calificar criterio"), _("Calificó un criterio")),
    "atencion.calidad.oportunidad": (
        _("Registrar oportunidad de mejora"),
        _("Registró una oportunidad de mejora"),
    ),
    "atencion.calidad.conclusiones": (_("Redactar conclusiones"), _("Redactó las conclusiones")),
    "atencion.calidad.enviar": (_("Enviar informe"), _("Envió el informe para su aprobación")),
    "atencion.calidad.aprobar": (_("Aprobar informe"), _("Aprobó el informe de evaluación")),
    "atencion.calidad.devolver": (_("Devolver informe"), _("Devolvió el informe al equipo")),
}
ENVIAR, DEVOLVER = "atencion.calidad.enviar", "atencion.calidad.devolver"


def anotar(evaluacion, accion: str, usuario, **datos) -> None:
    if accion not in ACCIONES:
        raise ValueError(accion)
    log(instance=evaluacion, action=accion, user=usuario, data=datos)
