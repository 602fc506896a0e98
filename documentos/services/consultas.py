"""Citizen lookups of an escrito's status (folio + access code) leave a trace; so does the
delivery of its answer (acuse de notificación electrónica)."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ..models import EntradaBitacora, Escrito, Respuesta
from ..selectors_entrega import documento_vigente
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
        actor=bitacora.CIUDADANO,
        despues={"estado": escrito.estado, "acuse": acuse},
    )


@transaction.atomic
def registrar_entrega(respuesta: Respuesta, *, ip: str | None, descarga: bool) -> bool:
    """The citizen downloaded the answer's file (or, for an answer without a file, read its
    text in the lookup). The first time is the acuse de notificación electrónica: its time
    is kept on the respuesta (set once, atomically) and written to the bitácora. Returns
    whether this was the first time."""
    escrito = respuesta.escrito
    ahora = timezone.now()
    primera = bool(
        Respuesta.objects.filter(pk=respuesta.pk, consultada_en__isnull=True).update(
            consultada_en=ahora
        )
    )
    archivo = documento_vigente(respuesta)
    despues = {"respuesta": respuesta.pk, "archivo": archivo and archivo.pk}
    if archivo is not None:
        despues["sha256"] = archivo.sha256
    if descarga:
        bitacora.registrar(
            EntradaBitacora.Accion.CONSULTA_PUBLICA,
            _("Descargó la respuesta desde el sitio público."),
            escrito=escrito,
            ip=ip,
            actor=bitacora.CIUDADANO,
            despues=despues,
        )
    if primera:
        respuesta.consultada_en = ahora
        bitacora.registrar(
            EntradaBitacora.Accion.NOTIFICACION,
            _(
                "Acuse de notificación electrónica: el remitente consultó la respuesta por "
                "primera vez desde el sitio público."
            ),
            escrito=escrito,
            ip=ip,
            actor=bitacora.CIUDADANO,
            despues={**despues, "consultada_en": ahora},
        )
    return primera


def registrar_descarga_verificada(respuesta: Respuesta, archivo, *, ip: str | None):
    """Someone holding the código de verificación downloaded the signed original. It is not
    the remitente's acuse: the code is printed on the document and may be anyone's."""
    return bitacora.registrar(
        EntradaBitacora.Accion.CONSULTA_PUBLICA,
        _("Descargó la respuesta firmada desde la página de verificación."),
        escrito=respuesta.escrito,
        ip=ip,
        actor=bitacora.CIUDADANO,
        despues={"respuesta": respuesta.pk, "archivo": archivo.pk, "sha256": archivo.sha256},
    )
