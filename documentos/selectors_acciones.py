"""The escrito page's one next step for this person in this state, and the rest."""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from .models import Escrito
from .selectors import acciones_disponibles
from .visibilidad import version_aprobada

E = Escrito.Estado


def _le_toca_responder(usuario, escrito: Escrito) -> bool:
    """Turned or assigned to this very person (not just to their área)."""
    if escrito.asignaciones.filter(vigente=True, asignado_a=usuario).exists():
        return True
    return escrito.turnos.filter(vigente=True, es_copia=False, a_usuario=usuario).exists()


def siguiente_paso(escrito: Escrito, usuario, acciones=None) -> str | None:
    """The action to offer first: Turnar for the Oficialía on a new escrito, Asignar for the
    área on a turned one, Responder for whoever it was given to, then Concluir and Archivar.
    Publishing comes first only once the escrito is closed and its versión pública approved.
    None: nothing for this person to do next (every action stays under "Otras acciones")."""
    acciones = acciones_disponibles(usuario, escrito) if acciones is None else acciones
    estado = escrito.estado
    if estado == E.RECIBIDO:
        paso = "turnar"
    elif estado in (E.TURNADO, E.EN_ATENCION):
        if "responder" in acciones and _le_toca_responder(usuario, escrito):
            paso = "responder"
        elif estado == E.TURNADO:
            paso = "asignar"
        else:
            paso = "responder"
    elif estado == E.RESPONDIDO:
        paso = "concluir"
    elif estado == E.CONCLUIDO:
        paso = "archivar"
    elif estado == E.ARCHIVADO and version_aprobada(escrito) is not None:
        paso = "publicar"
    else:
        paso = None
    return paso if paso in acciones else None


@dataclass(frozen=True)
class Accion:
    nombre: str
    titulo: str  # the <summary> of its form, or the text of its button
    boton: str
    confirmar: bool = False  # its form stays closed until opened: a second, deliberate step
    clase: str = ""


# In the order of "Otras acciones" (the ones that undo or close come last).
ACCIONES = {
    a.nombre: a
    for a in (
        Accion("turnar", _("Turnar"), _("Turnar")),
        Accion("asignar", _("Asignar a una persona del área"), _("Asignar")),
        Accion("responder", _("Registrar la respuesta"), _("Registrar respuesta")),
        Accion("concluir", _("Concluir"), _("Sí, concluir el escrito"), confirmar=True),
        Accion("archivar", _("Archivar"), _("Archivar")),
        Accion("reabrir", _("Reabrir"), _("Reabrir"), confirmar=True),
        Accion(
            "publicar", _("Publicar en el archivo público"), _("Publicar en el archivo público")
        ),
        Accion("retirar", _("Retirar del archivo público"), _("Retirar del archivo público")),
        Accion(
            "cancelar",
            _("Cancelar el escrito"),
            _("Cancelar el escrito"),
            confirmar=True,
            clase="serious",
        ),
    )
}


@dataclass(frozen=True)
class AccionesDelEscrito:
    siguiente: Accion | None
    otras: tuple[Accion, ...]


def acciones_del_escrito(escrito: Escrito, usuario, acciones=None) -> AccionesDelEscrito:
    """The next step first, then every other action this person may take."""
    acciones = acciones_disponibles(usuario, escrito) if acciones is None else acciones
    siguiente = siguiente_paso(escrito, usuario, acciones)
    otras = tuple(a for n, a in ACCIONES.items() if n in acciones and n != siguiente)
    return AccionesDelEscrito(siguiente and ACCIONES[siguiente], otras)
