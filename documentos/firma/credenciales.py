"""Signing credentials loaded in memory: SAT e.firma (.cer + .key) or PKCS#12 (.p12/.pfx)."""

import re
from dataclasses import dataclass

from asn1crypto import keys as asn1_keys
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.hazmat.primitives.asymmetric.padding import PKCS1v15
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID
from django.utils.translation import gettext as _
from pyhanko.keys.internal import (
    translate_pyca_cryptography_cert_to_asn1,
    translate_pyca_cryptography_key_to_asn1,
)
from pyhanko.sign.general import get_pyca_cryptography_hash
from pyhanko.sign.signers import SimpleSigner
from pyhanko_certvalidator.registry import SimpleCertificateStore

from . import FirmaRechazada

_RFC = re.compile(r"^[A-ZÑ&]{3,4}\d{6}[A-Z0-9]{3}$")
_CURP = re.compile(r"^[A-Z]{4}\d{6}[HMX][A-Z]{5}[A-Z0-9]\d$")


@dataclass(frozen=True)
class Titular:
    """Who a certificate names (SAT: RFC in x500UniqueIdentifier, CURP in serialNumber)."""

    nombre: str
    rfc: str
    curp: str
    numero_serie: str
    emisor: str


class Credencial:
    """A private key with its certificate and chain, for one request; never stored."""

    __slots__ = ("_llave", "cadena", "certificado", "titular")

    def __init__(self, llave, certificado: x509.Certificate, cadena: list[x509.Certificate]):
        publica = serialization.PublicFormat.SubjectPublicKeyInfo
        der = serialization.Encoding.DER
        if llave.public_key().public_bytes(der, publica) != certificado.public_key().public_bytes(
            der, publica
        ):
            raise FirmaRechazada(
                _(
                    "La llave privada no corresponde al certificado: use la pareja de archivos "
                    "(.cer y .key) del mismo certificado."
                )
            )
        self._llave = llave
        self.certificado = certificado
        self.cadena = tuple(cadena)
        self.titular = _titular(certificado)

    def __repr__(self) -> str:
        return f"<Credencial {self.titular.nombre} serie {self.titular.numero_serie}>"

    def __reduce__(self):
        raise TypeError("Una Credencial no se guarda ni se serializa.")

    @property
    def certificado_asn1(self) -> asn1_x509.Certificate:
        return translate_pyca_cryptography_cert_to_asn1(self.certificado)

    @property
    def cadena_asn1(self) -> list[asn1_x509.Certificate]:
        return [translate_pyca_cryptography_cert_to_asn1(c) for c in self.cadena]

    def firmante(self) -> SimpleSigner:
        """pyHanko's in-memory signer for this key."""
        return _Firmante(
            self._llave,
            signing_cert=self.certificado_asn1,
            signing_key=translate_pyca_cryptography_key_to_asn1(self._llave),
            cert_registry=SimpleCertificateStore.from_certs(self.cadena_asn1),
        )


class _Firmante(SimpleSigner):
    """SimpleSigner re-reads its key from DER for every signature, and cryptography checks an
    RSA key on every load (~90 ms): sign with the key already loaded instead."""

    def __init__(self, llave, **kwargs):
        super().__init__(**kwargs)
        self._cargada = llave

    def sign_raw(self, data: bytes, digest_algorithm: str) -> bytes:
        mecanismo = self.get_signature_mechanism_for_digest(digest_algorithm).signature_algo
        resumen = get_pyca_cryptography_hash(digest_algorithm)
        if mecanismo == "rsassa_pkcs1v15" and isinstance(self._cargada, rsa.RSAPrivateKey):
            return self._cargada.sign(data, PKCS1v15(), resumen)
        if mecanismo == "ecdsa" and isinstance(self._cargada, ec.EllipticCurvePrivateKey):
            return self._cargada.sign(data, ec.ECDSA(resumen))
        return super().sign_raw(data, digest_algorithm)


def desde_efirma(cer: bytes, key: bytes, clave: str) -> Credencial:
    """SAT e.firma: the DER certificate (.cer) and the encrypted DER PKCS#8 key (.key)."""
    certificado = _certificado(cer)
    try:
        asn1_keys.EncryptedPrivateKeyInfo.load(key).native  # noqa: B018 (parses it whole)
    except (ValueError, TypeError):
        raise FirmaRechazada(
            _(
                "El archivo de la llave privada (.key) no se pudo leer: debe ser el archivo .key "
                "de su e.firma, protegido con contraseña."
            )
        ) from None
    try:
        llave = serialization.load_der_private_key(key, password=clave.encode())
    except ValueError:
        raise FirmaRechazada(_("La contraseña de la llave privada es incorrecta.")) from None
    except TypeError:
        raise FirmaRechazada(_("El archivo de la llave privada (.key) no se pudo leer.")) from None
    return Credencial(llave, certificado, [])


def desde_pkcs12(datos: bytes, clave: str) -> Credencial:
    """A PKCS#12 file (.p12/.pfx) with the key, its certificate and usually the chain."""
    try:
        llave, certificado, otros = pkcs12.load_key_and_certificates(datos, clave.encode())
    except ValueError:
        raise FirmaRechazada(
            _(
                "No se pudo abrir el archivo .p12/.pfx: la contraseña es incorrecta o el archivo "
                "está dañado."
            )
        ) from None
    if llave is None or certificado is None:
        raise FirmaRechazada(
            _("El archivo .p12/.pfx no contiene una llave privada con su certificado.")
        )
    return Credencial(llave, certificado, list(otros))


def _certificado(datos: bytes) -> x509.Certificate:
    try:
        return x509.load_der_x509_certificate(datos)
    except ValueError:
        pass
    try:
        return x509.load_pem_x509_certificate(datos)
    except ValueError:
        raise FirmaRechazada(
            _("El archivo del certificado (.cer) no se pudo leer: debe ser un certificado X.509.")
        ) from None


def _atributo(nombre: x509.Name, oid) -> str:
    valores = nombre.get_attributes_for_oid(oid)
    if not valores:
        return ""
    valor = valores[0].value
    return (valor.decode("latin-1") if isinstance(valor, bytes) else valor).strip()


def _primero(valor: str, patron: re.Pattern) -> str:
    """SAT writes `RFC / RFC del representante`: the first part that looks right."""
    partes = [p.strip().upper() for p in valor.split("/") if p.strip()]
    return next((p for p in partes if patron.match(p)), partes[0] if partes else "")


def numero_serie(entero: int) -> str:
    """SAT's serial numbers are ASCII digits encoded in the integer; others are shown in hex."""
    crudo = entero.to_bytes((entero.bit_length() + 7) // 8)
    if crudo.isdigit():
        return crudo.decode()
    return format(entero, "X")


def _titular(certificado: x509.Certificate) -> Titular:
    sujeto = certificado.subject
    return Titular(
        nombre=_atributo(sujeto, NameOID.COMMON_NAME) or sujeto.rfc4514_string(),
        rfc=_primero(_atributo(sujeto, NameOID.X500_UNIQUE_IDENTIFIER), _RFC),
        curp=_primero(_atributo(sujeto, NameOID.SERIAL_NUMBER), _CURP),
        numero_serie=numero_serie(certificado.serial_number),
        emisor=_atributo(certificado.issuer, NameOID.COMMON_NAME)
        or certificado.issuer.rfc4514_string(),
    )
