"""A demonstration PKI for `make run`: an authority and e.firma-like certificates for demo
servidores públicos, written once into a directory. NOT valid for legal use: the names say
so, and only the development settings trust this authority."""

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID

AVISO = "DEMOSTRACIÓN - NO VÁLIDA PARA USO LEGAL"
NOMBRE_AC = f"AC de Folio ({AVISO})"
ARCHIVO_AC = "ac-demo.pem"


@dataclass(frozen=True)
class FirmaDemo:
    """Where a demo servidor's e.firma is: `.cer`, `.key` (encrypted DER PKCS#8), `.p12`."""

    cer: Path
    key: Path
    p12: Path


def _llave():
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


def _escribir(ruta: Path, datos: bytes) -> None:
    ruta.write_bytes(datos)
    ruta.chmod(0o600)


def _autoridad(directorio: Path):
    """The demo authority (created once): its key stays in the directory to issue more."""
    certificado_ruta, llave_ruta = directorio / ARCHIVO_AC, directorio / "ac-demo.key.pem"
    if certificado_ruta.exists() and llave_ruta.exists():
        llave = serialization.load_pem_private_key(llave_ruta.read_bytes(), None)
        return llave, x509.load_pem_x509_certificate(certificado_ruta.read_bytes())
    llave = _llave()
    nombre = x509.Name(
        [
            x509.NameAttribute(NameOID.COUNTRY_NAME, "MX"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Folio (demostración)"),
            x509.NameAttribute(NameOID.COMMON_NAME, NOMBRE_AC),
        ]
    )
    ahora = dt.datetime.now(dt.UTC)
    certificado = (
        x509.CertificateBuilder()
        .subject_name(nombre)
        .issuer_name(nombre)
        .public_key(llave.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(ahora - dt.timedelta(days=1))
        .not_valid_after(ahora + dt.timedelta(days=3650))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=False,
                content_commitment=False,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=True,
                crl_sign=True,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .sign(llave, hashes.SHA256())
    )
    directorio.mkdir(parents=True, exist_ok=True)
    _escribir(
        llave_ruta,
        llave.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        ),
    )
    _escribir(certificado_ruta, certificado.public_bytes(serialization.Encoding.PEM))
    return llave, certificado


def firma_demo(directorio: Path, usuario: str, nombre: str, clave: str) -> FirmaDemo:
    """The demo e.firma of `usuario` (issued once), its key encrypted with `clave`."""
    archivos = FirmaDemo(
        cer=directorio / f"{usuario}.cer",
        key=directorio / f"{usuario}.key",
        p12=directorio / f"{usuario}.p12",
    )
    if all(ruta.exists() for ruta in (archivos.cer, archivos.key, archivos.p12)):
        return archivos
    llave_ac, ac = _autoridad(directorio)
    llave = _llave()
    ahora = dt.datetime.now(dt.UTC)
    certificado = (
        x509.CertificateBuilder()
        .subject_name(
            x509.Name(
                [
                    x509.NameAttribute(NameOID.COMMON_NAME, f"{nombre.upper()[:56]} (DEMO)"),
                    x509.NameAttribute(NameOID.ORGANIZATION_NAME, f"Folio ({AVISO})"),
                    x509.NameAttribute(NameOID.COUNTRY_NAME, "MX"),
                ]
            )
        )
        .issuer_name(ac.subject)
        .public_key(llave.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(ahora - dt.timedelta(days=1))
        .not_valid_after(ahora + dt.timedelta(days=4 * 365))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=True,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=False,
                crl_sign=False,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .sign(llave_ac, hashes.SHA256())
    )
    cifrado = serialization.BestAvailableEncryption(clave.encode())
    _escribir(archivos.cer, certificado.public_bytes(serialization.Encoding.DER))
    _escribir(
        archivos.key,
        llave.private_bytes(serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, cifrado),
    )
    _escribir(
        archivos.p12,
        pkcs12.serialize_key_and_certificates(usuario.encode(), llave, certificado, [ac], cifrado),
    )
    return archivos
