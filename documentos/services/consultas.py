"""Citizen lookups of an escrito's status (folio + access code) leave a trace."""

from django.utils.translation import gettext as _

from ..models import EntradaBitacora, Escrito
from . import bitacora


def registrar_consulta_publica(escrito: Escrito, *, ip: str | None, acuse: bool = False):
    """Write the bitácora entry of a successful public lookup (or acuse download)."""
    descripcion = (
        _("Descargó el acuse de recibo desde el sitio público.")
        if acuse
        else _("Consultó el estado del escrito desde el sitio público.")
    )
    return bitacora.registrar(
        EntradaBitacora.Accion.CONSULTA_PUBLICA,
        descripcion,
        escrito=escrito,
        usuario=None,
        ip=ip,
        despues={"estado": escrito.estado, "acuse": acuse},
    )
