"""Signing an answer electronically: each signer, in order, adds a PAdES signature
(documentos/firma/) to the answer's PDF; each signed file is a new Archivo."""

from dataclasses import dataclass

import pypdfium2
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .. import permisos
from ..enlaces import url_verificacion
from ..firma import FirmaRechazada
from ..firma.credenciales import Credencial
from ..firma.pades import Estampa, codigo_verificacion, firmar
from ..models import Archivo, EntradaBitacora, Escrito, Firma, Respuesta
from ..oficio import pdf_oficio
from ..selectors_entrega import documento_vigente, respuesta_entregable
from ..validacion import ArchivoValidado, sha256_de
from . import bitacora
from .archivos import borrar_archivos_si_falla, guardar_archivo

PDF = "application/pdf"
FIRMA_SIMULTANEA = gettext_lazy(
    "Otra persona firmó la respuesta mientras usted firmaba: firme de nuevo."
)


@dataclass(frozen=True)
class Firmada:
    firma: Firma
    advertencias: tuple[str, ...]


def _validado(pdf: bytes, nombre: str) -> ArchivoValidado:
    documento = pypdfium2.PdfDocument(pdf)
    try:
        paginas = len(documento)
    finally:
        documento.close()
    fichero = ContentFile(pdf, name=nombre)
    return ArchivoValidado(
        fichero=fichero,
        nombre=nombre,
        nombre_original=nombre,
        mime=PDF,
        paginas=paginas,
        tamano=len(pdf),
        sha256=sha256_de(fichero),
    )


def puede_firmar(usuario, respuesta: Respuesta) -> bool:
    return permisos.puede_atender(usuario, respuesta.escrito)


def exigir_firmable(respuesta: Respuesta) -> Archivo | None:
    """The answer in force, not yet consulted by the remitente (what the citizen received
    must not change), with a PDF (or only text, from which Folio draws the oficio).
    Returns its current document (None: only text)."""
    vigente = respuesta_entregable(respuesta.escrito)
    if vigente is None or vigente.pk != respuesta.pk:
        raise ValidationError(_("Solo se firma la respuesta vigente de un escrito respondido."))
    if respuesta.consultada_en is not None:
        raise ValidationError(
            _(
                "El remitente ya consultó esta respuesta: el documento que recibió no puede "
                "cambiar. Para corregirla, reabra el escrito y registre una nueva respuesta."
            )
        )
    documento = documento_vigente(respuesta)
    if documento is not None and documento.mime != PDF:
        raise ValidationError(
            _(
                "La respuesta es una imagen, no un PDF: solo se pueden firmar electrónicamente "
                "documentos PDF. Registre la respuesta con un PDF o sin archivo (Folio genera "
                "el oficio con su texto)."
            )
        )
    return documento


def firmar_respuesta(
    respuesta: Respuesta, *, usuario, credencial: Credencial, rol: str, cargo: str, ip=None
) -> Firmada:
    """Sign the answer's current PDF and store the result. The slow part (revocation, the
    timestamp) runs outside the transaction; if another signer finished meanwhile, nothing
    is stored and the user is asked to sign again."""
    if rol not in Firma.Rol.values:
        raise ValidationError(_("Elija en qué calidad firma (elaboró, revisó o firmó)."))
    if not cargo.strip():
        raise ValidationError(_("Escriba su cargo: aparece en el bloque de firma."))
    permisos.exigir(puede_firmar(usuario, respuesta))
    documento = exigir_firmable(respuesta)
    escrito = respuesta.escrito
    previas = list(respuesta.firmas.all())
    titular = credencial.titular
    if any((f.numero_serie, f.emisor) == (titular.numero_serie, titular.emisor) for f in previas):
        raise FirmaRechazada(_("Este certificado ya firmó la respuesta."))
    if documento is None:
        # Only a text: sign the oficio drawn from it; both are stored together below.
        origen = pdf_oficio(respuesta)
    else:
        with documento.abrir() as fichero:
            origen = fichero.read()
    codigo = respuesta.codigo_verificacion or codigo_verificacion()
    orden = len(previas) + 1
    estampa = Estampa(
        nombre=credencial.titular.nombre,
        cargo=cargo.strip(),
        rol=Firma.Rol(rol).label,
        folio=escrito.folio,
        codigo_verificacion=codigo,
        url_verificacion=url_verificacion(codigo),
    )
    firmado = firmar(origen, credencial, estampa, campo=f"firma{orden}")
    try:
        with borrar_archivos_si_falla(), transaction.atomic():
            Escrito.objects.select_for_update().get(pk=escrito.pk)
            respuesta.refresh_from_db()
            actual = exigir_firmable(respuesta)
            if (actual and actual.pk) != (documento and documento.pk):
                raise ValidationError(str(FIRMA_SIMULTANEA))
            if documento is None:
                documento = _guardar_oficio(respuesta, origen, usuario, ip)
            nombre = f"respuesta-{escrito.folio}-firma{orden}.pdf"
            archivo = guardar_archivo(
                escrito,
                _validado(firmado.pdf, nombre),
                usuario=usuario,
                tipo=Archivo.Tipo.FIRMADO,
                orden=999,
            )
            if respuesta.codigo_verificacion is None:
                respuesta.codigo_verificacion = codigo
                respuesta.save(update_fields=["codigo_verificacion"])
            firma = Firma.objects.create(
                respuesta=respuesta,
                orden=orden,
                rol=rol,
                usuario=usuario,
                nombre=firmado.firmante,
                cargo=cargo.strip(),
                numero_serie=firmado.numero_serie,
                emisor=firmado.emisor,
                nivel=firmado.nivel,
                campo=firmado.campo,
                archivo=archivo,
            )
            bitacora.registrar(
                EntradaBitacora.Accion.FIRMA,
                _(
                    "Firmó electrónicamente la respuesta (%(rol)s: %(nombre)s; certificado "
                    "%(serie)s de %(emisor)s; PAdES %(nivel)s)."
                )
                % {
                    "rol": firma.get_rol_display(),
                    "nombre": firma.nombre,
                    "serie": firma.numero_serie,
                    "emisor": firma.emisor,
                    "nivel": firma.nivel,
                },
                escrito=escrito,
                usuario=usuario,
                ip=ip,
                antes={"archivo": documento.pk, "sha256": documento.sha256},
                despues={
                    "respuesta": respuesta.pk,
                    "orden": orden,
                    "rol": rol,
                    "archivo": archivo.pk,
                    "sha256": archivo.sha256,
                    "numero_serie": firma.numero_serie,
                    "emisor": firma.emisor,
                    "nivel": firma.nivel,
                    "advertencias": list(firmado.advertencias),
                },
            )
    except IntegrityError:
        # Two signers committed the same order at once; the other one won.
        raise ValidationError(str(FIRMA_SIMULTANEA)) from None
    return Firmada(firma, firmado.advertencias)


def _guardar_oficio(respuesta: Respuesta, pdf: bytes, usuario, ip) -> Archivo:
    """The oficio drawn from the answer's text becomes its file, with its first signature."""
    escrito = respuesta.escrito
    archivo = guardar_archivo(
        escrito,
        _validado(pdf, f"respuesta-{escrito.folio}.pdf"),
        usuario=usuario,
        tipo=Archivo.Tipo.RESPUESTA,
        orden=999,
    )
    respuesta.archivo = archivo
    respuesta.save(update_fields=["archivo"])
    bitacora.registrar(
        EntradaBitacora.Accion.RESPUESTA,
        _("Generó el oficio de respuesta en PDF a partir de su texto, para firmarlo."),
        escrito=escrito,
        usuario=usuario,
        ip=ip,
        despues={"respuesta": respuesta.pk, "archivo": archivo.pk, "sha256": archivo.sha256},
    )
    return archivo
