"""Staff's "Sustituir escaneo": a better scan of a file the OCR could not read well.

The new file is stored like any other (bytes verified against their checksum before the row
commits) and read again by the OCR; the old one is kept, marked as replaced, and the
bitácora records both checksums."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from .. import permisos
from ..models import Archivo, EntradaBitacora
from ..validacion import validar_archivo
from . import bitacora
from .archivos import borrar_archivos_si_falla, guardar_archivo

SUSTITUIBLES = (Archivo.Tipo.ESCANEO, Archivo.Tipo.ANEXO)


def sustituir_archivo(archivo: Archivo, subido, *, usuario, ip: str | None = None) -> Archivo:
    """Store `subido` (an uploaded file) as the replacement of `archivo`; returns the new
    Archivo. Bad input raises ValidationError in Spanish and changes nothing."""
    permisos.exigir(permisos.puede_recibir(usuario))
    if archivo.tipo not in SUSTITUIBLES:
        raise ValidationError(_("Solo se sustituyen escaneos y anexos recibidos."))
    if archivo.reemplazos.exists():
        raise ValidationError(
            _("«%(nombre)s» ya fue sustituido: sustituya el escaneo nuevo.")
            % {"nombre": archivo.nombre_original}
        )
    if subido is None:
        raise ValidationError(_("Adjunte el nuevo escaneo (PDF, PNG, JPEG o TIFF)."))
    validado = validar_archivo(subido)
    if validado.sha256 == archivo.sha256:
        raise ValidationError(
            _("El archivo adjunto es idéntico a «%(nombre)s»: escanee de nuevo el original.")
            % {"nombre": archivo.nombre_original}
        )
    escrito = archivo.escrito
    with borrar_archivos_si_falla(), transaction.atomic():
        nuevo = guardar_archivo(
            escrito, validado, usuario=usuario, tipo=archivo.tipo, orden=archivo.orden
        )
        nuevo.reemplaza = archivo
        nuevo.save(update_fields=["reemplaza"])
        bitacora.registrar(
            EntradaBitacora.Accion.SUSTITUCION,
            _("Sustituyó el escaneo «%(anterior)s» por «%(nuevo)s»; el anterior se conserva.")
            % {"anterior": archivo.nombre_original, "nuevo": nuevo.nombre_original},
            escrito=escrito,
            usuario=usuario,
            ip=ip,
            antes={"archivo": archivo.pk, "sha256": archivo.sha256},
            despues={"archivo": nuevo.pk, "sha256": nuevo.sha256, "reemplaza": archivo.pk},
        )
    return nuevo
