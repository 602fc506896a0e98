"""The institution's seal certificate (sello): loading it, signing with it, checking a signature.

The sello is a PKCS#12 (FOLIO_SELLO_P12, password FOLIO_SELLO_CLAVE). In development only, a
self-signed demo sello is generated once into var/ (FOLIO_SELLO_DEMO), marked as not valid
for legal use.
"""

import datetime as dt
import hashlib
from dataclasses import dataclass
from pathlib import Path

from asn1crypto import cms
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import pkcs7, pkcs12
from cryptography.x509.oid import NameOID
from django.conf import settings
from django.utils.translation import gettext as _
from pyhanko.sign.validation.generic_cms import validate_sig_integrity

NOMBRE_DEMO = "Sello de DEMOSTRACIÓN de Folio - NO VÁLIDO PARA USO LEGAL"


class SelloInvalido(Exception):
    """The sello is missing or cannot be used; the message says why, in Spanish."""


@dataclass(frozen=True)
class Sello:
    clave: object
    certificado: x509.Certificate

    @property
    def serie(self) -> str:
        return format(self.certificado.serial_number, "X")

    @property
    def emisor(self) -> str:
        return self.certificado.issuer.rfc4514_string()


def generar_sello_demo(ruta: Path, clave: str) -> None:
    """A self-signed demo sello (ten years), written once with owner-only permissions."""
    privada = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    nombre = x509.Name(
        [
            x509.NameAttribute(NameOID.COMMON_NAME, NOMBRE_DEMO),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Folio (demostración)"),
        ]
    )
    ahora = dt.datetime.now(dt.UTC)
    certificado = (
        x509.CertificateBuilder()
        .subject_name(nombre)
        .issuer_name(nombre)
        .public_key(privada.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(ahora - dt.timedelta(minutes=5))
        .not_valid_after(ahora + dt.timedelta(days=3650))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .sign(privada, hashes.SHA256())
    )
    datos = pkcs12.serialize_key_and_certificates(
        b"sello-demo-no-valido",
        privada,
        certificado,
        None,
        serialization.BestAvailableEncryption(clave.encode()),
    )
    ruta.parent.mkdir(parents=True, exist_ok=True)
    ruta.write_bytes(datos)
    ruta.chmod(0o600)


def cargar_sello() -> Sello:
    """The configured sello (or, in development, the demo one, made on first use)."""
    ruta, clave = settings.FOLIO_SELLO_P12, settings.FOLIO_SELLO_CLAVE
    if ruta is None and settings.FOLIO_SELLO_DEMO is not None:
        ruta = Path(settings.FOLIO_SELLO_DEMO)
        if not ruta.exists():
            generar_sello_demo(ruta, clave)
    if ruta is None:
        raise SelloInvalido(
            _(
                "No hay sello configurado: indique en FOLIO_SELLO_P12 el archivo PKCS#12 del "
                "certificado de sello de la institución y en FOLIO_SELLO_CLAVE su contraseña."
            )
        )
    try:
        datos = Path(ruta).read_bytes()
    except OSError as exc:
        raise SelloInvalido(
            _("No se pudo leer el sello %(ruta)s: %(error)s") % {"ruta": ruta, "error": exc}
        ) from None
    try:
        privada, certificado, _otros = pkcs12.load_key_and_certificates(
            datos, clave.encode() or None
        )
    except ValueError:
        raise SelloInvalido(
            _(
                "No se pudo abrir el sello %(ruta)s: la contraseña (FOLIO_SELLO_CLAVE) es "
                "incorrecta o el archivo no es un PKCS#12."
            )
            % {"ruta": ruta}
        ) from None
    if privada is None or certificado is None:
        raise SelloInvalido(
            _("El sello %(ruta)s debe contener la llave privada y su certificado.") % {"ruta": ruta}
        )
    ahora = dt.datetime.now(dt.UTC)
    if not certificado.not_valid_before_utc <= ahora <= certificado.not_valid_after_utc:
        raise SelloInvalido(
            _("El certificado del sello no está vigente (válido del %(desde)s al %(hasta)s).")
            % {
                "desde": f"{certificado.not_valid_before_utc:%Y-%m-%d}",
                "hasta": f"{certificado.not_valid_after_utc:%Y-%m-%d}",
            }
        )
    return Sello(privada, certificado)


def firmar(sello: Sello, datos: bytes) -> bytes:
    """A detached CMS (PKCS#7) signature of `datos`, SHA-256, carrying the certificate."""
    return (
        pkcs7.PKCS7SignatureBuilder()
        .set_data(datos)
        .add_signer(sello.certificado, sello.clave, hashes.SHA256())
        .sign(
            serialization.Encoding.DER,
            [pkcs7.PKCS7Options.DetachedSignature, pkcs7.PKCS7Options.Binary],
        )
    )


@dataclass(frozen=True)
class Firmante:
    serie: str
    emisor: str


def verificar_firma(firma: bytes, datos: bytes) -> Firmante:
    """The signer of a detached CMS signature of `datos`, checked against the certificate it
    carries; SelloInvalido (in Spanish) when the signature does not verify."""
    try:
        firmada = cms.ContentInfo.load(bytes(firma))["content"]
        (firmante,) = firmada["signer_infos"]
        sid = firmante["sid"].chosen
        certificado = next(
            c.chosen
            for c in firmada["certificates"]
            if c.chosen.serial_number == sid["serial_number"].native
            and c.chosen.issuer == sid["issuer"]
        )
        resumen_ok, firma_ok = validate_sig_integrity(
            firmante, certificado, "data", hashlib.sha256(datos).digest()
        )
    except Exception:  # any malformed signature is simply not valid
        raise SelloInvalido(_("la firma no es una firma CMS legible con su certificado")) from None
    if not resumen_ok:
        raise SelloInvalido(_("la firma no corresponde al contenido (se alteró el ancla)"))
    if not firma_ok:
        raise SelloInvalido(_("la firma no verifica con el certificado que trae"))
    emisor = x509.load_der_x509_certificate(certificado.dump()).issuer.rfc4514_string()
    return Firmante(format(certificado.serial_number, "X"), emisor)
