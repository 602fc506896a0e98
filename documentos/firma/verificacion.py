"""Checking a PDF's signatures with pyHanko against the configured roots."""

from dataclasses import dataclass
from datetime import datetime
from io import BytesIO

from django.utils.translation import gettext as _
from pyhanko.pdf_utils.misc import PdfError
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.diff_analysis import ModificationLevel
from pyhanko.sign.validation import (
    DocumentSecurityStore,
    SignatureCoverageLevel,
    validate_pdf_signature,
)
from pyhanko.sign.validation.errors import ValidationInfoReadingError
from pyhanko_certvalidator import ValidationContext

from . import fuera_del_bucle
from .confianza import USO_DE_LLAVE, autoridades
from .credenciales import numero_serie


@dataclass(frozen=True)
class FirmaVerificada:
    campo: str
    firmante: str
    numero_serie: str
    emisor: str
    motivo: str  # "Firmó: Directora de Atención Ciudadana"
    momento: datetime | None
    sellada: bool  # carries an RFC 3161 timestamp
    intacta: bool  # the signed bytes are unchanged and the signature is mathematically valid
    cubre_todo: bool  # covers the whole file, nothing appended after it
    confiable: bool  # its certificate chains to a configured root (and is not revoked)
    nivel: str  # "B-B", "B-T", "B-LT"
    valida: bool  # pyHanko's bottom line: intact, trusted, later changes allowed

    @property
    def cargo(self) -> str:
        return self.motivo.partition(": ")[2]


@dataclass(frozen=True)
class Verificacion:
    firmas: tuple[FirmaVerificada, ...]
    modificado_despues: bool  # something other than signatures/validation data came later
    error: str = ""

    @property
    def valida(self) -> bool:
        return (
            bool(self.firmas) and not self.modificado_despues and all(f.valida for f in self.firmas)
        )


@fuera_del_bucle
def verificar(pdf: bytes) -> Verificacion:
    """Every signature of `pdf`, validated now (CRL/OCSP fetched when reachable)."""
    try:
        lector = PdfFileReader(BytesIO(pdf), strict=False)
        embebidas = lector.embedded_regular_signatures
    except (PdfError, ValueError, KeyError, TypeError, IndexError):
        return Verificacion((), False, _("El archivo no es un PDF legible."))
    if not embebidas:
        return Verificacion((), False, _("El documento no tiene firmas electrónicas."))
    raices, intermedias = autoridades()
    opciones = {
        "trust_roots": raices,
        "other_certs": intermedias,
        "allow_fetching": True,
        "revocation_mode": "soft-fail",
    }
    try:
        dss = DocumentSecurityStore.read_dss(lector)
    except ValidationInfoReadingError:
        dss = None
    contexto = dss.as_validation_context(opciones) if dss else ValidationContext(**opciones)
    # B-LT: the DSS holds validation data for this very signature (its VRI entry)
    con_datos = set(dss.vri_entries) if dss else set()
    firmas, ultimo_nivel = [], None
    for embebida in embebidas:
        try:
            estado = validate_pdf_signature(
                embebida,
                signer_validation_context=contexto,
                ts_validation_context=contexto,
                key_usage_settings=USO_DE_LLAVE,
            )
        except (PdfError, ValueError, KeyError, TypeError):
            return Verificacion(
                tuple(firmas),
                True,
                _("La firma %(campo)s está dañada: no se pudo leer.")
                % {"campo": embebida.field_name},
            )
        sellada = estado.timestamp_validity is not None
        certificado = estado.signing_cert
        firmas.append(
            FirmaVerificada(
                campo=embebida.field_name,
                firmante=certificado.subject.native.get("common_name", ""),
                numero_serie=numero_serie(certificado.serial_number),
                emisor=certificado.issuer.native.get("common_name", ""),
                motivo=str(embebida.sig_object.get("/Reason", "")),
                momento=estado.timestamp_validity.timestamp
                if sellada
                else estado.signer_reported_dt,
                sellada=sellada,
                intacta=estado.intact and estado.valid,
                cubre_todo=estado.coverage == SignatureCoverageLevel.ENTIRE_FILE,
                confiable=estado.trusted,
                nivel=_nivel(sellada, _vri(embebida) in con_datos),
                valida=estado.bottom_line,
            )
        )
        ultimo_nivel = estado.modification_level
    modificado = ultimo_nivel not in (ModificationLevel.NONE, ModificationLevel.LTA_UPDATES)
    return Verificacion(tuple(firmas), modificado)


def _vri(embebida) -> str:
    return DocumentSecurityStore.sig_content_identifier(embebida.pkcs7_content)


def _nivel(sellada: bool, datos_de_validacion: bool) -> str:
    if not sellada:
        return "B-B"
    return "B-LT" if datos_de_validacion else "B-T"
