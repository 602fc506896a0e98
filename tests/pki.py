"""A small PKI made with `cryptography` for the tests: a root authority and seal
certificates (sellos) it issues, as PKCS#12 files."""

import datetime as dt
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID

AHORA = dt.datetime.now(dt.UTC)


def _llave():
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


def _nombre(comun: str) -> x509.Name:
    return x509.Name(
        [
            x509.NameAttribute(NameOID.COUNTRY_NAME, "MX"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Municipio de Prueba"),
            x509.NameAttribute(NameOID.COMMON_NAME, comun),
        ]
    )


def raiz(comun: str = "AC Raíz de Prueba"):
    llave = _llave()
    nombre = _nombre(comun)
    certificado = (
        x509.CertificateBuilder()
        .subject_name(nombre)
        .issuer_name(nombre)
        .public_key(llave.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(AHORA - dt.timedelta(days=1))
        .not_valid_after(AHORA + dt.timedelta(days=3650))
        .add_extension(x509.BasicConstraints(ca=True, path_length=1), critical=True)
        .sign(llave, hashes.SHA256())
    )
    return llave, certificado


def sello(ac, comun: str = "Sello de la Oficialía de Partes", *, desde=None, hasta=None):
    """A seal certificate issued by `ac` (its key and certificate)."""
    llave_ac, certificado_ac = ac
    llave = _llave()
    certificado = (
        x509.CertificateBuilder()
        .subject_name(_nombre(comun))
        .issuer_name(certificado_ac.subject)
        .public_key(llave.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(desde or AHORA - dt.timedelta(days=1))
        .not_valid_after(hasta or AHORA + dt.timedelta(days=730))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .sign(llave_ac, hashes.SHA256())
    )
    return llave, certificado


def p12(ruta: Path, llave, certificado, clave: str, ca=None) -> Path:
    ruta.write_bytes(
        pkcs12.serialize_key_and_certificates(
            b"sello",
            llave,
            certificado,
            [ca] if ca is not None else None,
            serialization.BestAvailableEncryption(clave.encode()),
        )
    )
    return ruta
