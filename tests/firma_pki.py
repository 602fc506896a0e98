"""The tests' one PKI, made with `cryptography`.

`crear`: one that looks like the SAT's, for signing answers. Root → intermediate ("AC del
SAT") → e.firma-like leaves (RFC in x500UniqueIdentifier, CURP in serialNumber, SAT-style
ASCII serial numbers), an expired, a not-yet-valid, a revoked one and one whose CRL cannot be
fetched; a foreign root with its own leaf; a TSA certificate. The intermediate's CRL and the
TSA are served over HTTP on loopback by a thread.

`raiz` and `sello`: a bare authority and the institution's seal certificates (sellos) it
issues, for the bitácora's anchors; `p12` packs any of them as PKCS#12.
"""

import threading
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from asn1crypto import tsp
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509 import ocsp
from cryptography.x509.name import _ASN1Type
from cryptography.x509.oid import AuthorityInformationAccessOID, ExtendedKeyUsageOID, NameOID
from pyhanko.keys.internal import (
    translate_pyca_cryptography_cert_to_asn1,
    translate_pyca_cryptography_key_to_asn1,
)
from pyhanko.sign.timestamps import DummyTimeStamper

AHORA = datetime.now(UTC).replace(microsecond=0)
CLAVE = "Contraseña de prueba 1"


def _llave():
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


def _nombre(cn: str, **extra) -> x509.Name:
    atributos = [x509.NameAttribute(NameOID.COMMON_NAME, cn)]
    if "rfc" in extra:
        atributos += [
            x509.NameAttribute(x509.ObjectIdentifier("2.5.4.41"), cn),
            x509.NameAttribute(
                NameOID.X500_UNIQUE_IDENTIFIER, f"{extra['rfc']} / ", _ASN1Type.UTF8String
            ),
            x509.NameAttribute(NameOID.SERIAL_NUMBER, f" / {extra['curp']}"),
        ]
    atributos += [
        x509.NameAttribute(NameOID.ORGANIZATION_NAME, extra.get("o", cn)),
        x509.NameAttribute(NameOID.COUNTRY_NAME, "MX"),
    ]
    return x509.Name(atributos)


def serie_sat(numero: int) -> int:
    """The SAT writes 20 ASCII digits as the serial number's bytes."""
    return int.from_bytes(f"{numero:020d}".encode())


@dataclass
class Certificado:
    llave: rsa.RSAPrivateKey
    cert: x509.Certificate

    @property
    def cer(self) -> bytes:
        return self.cert.public_bytes(serialization.Encoding.DER)

    @property
    def pem(self) -> bytes:
        return self.cert.public_bytes(serialization.Encoding.PEM)

    def key(self, clave: str = CLAVE) -> bytes:
        """The SAT's .key: encrypted PKCS#8 in DER."""
        return self.llave.private_bytes(
            serialization.Encoding.DER,
            serialization.PrivateFormat.PKCS8,
            serialization.BestAvailableEncryption(clave.encode()),
        )


def _emitir(
    sujeto: x509.Name,
    llave,
    emisor: Certificado | None,
    *,
    serie: int | None = None,
    desde: datetime,
    hasta: datetime,
    ca: bool = False,
    crl_url: str | None = None,
    ocsp_url: str | None = None,
    tsa: bool = False,
    solo_cifrado: bool = False,
) -> Certificado:
    firma_llave = emisor.llave if emisor else llave
    constructor = (
        x509.CertificateBuilder()
        .subject_name(sujeto)
        .issuer_name(emisor.cert.subject if emisor else sujeto)
        .public_key(llave.public_key())
        .serial_number(serie or x509.random_serial_number())
        .not_valid_before(desde)
        .not_valid_after(hasta)
        .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(llave.public_key()), False)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(firma_llave.public_key()), False
        )
    )
    if ca:
        uso = {"key_cert_sign": True, "crl_sign": True, "digital_signature": True}
    elif tsa:
        uso = {"digital_signature": True, "content_commitment": True}
        constructor = constructor.add_extension(
            x509.ExtendedKeyUsage([ExtendedKeyUsageOID.TIME_STAMPING]), critical=True
        )
    elif solo_cifrado:
        uso = {"key_encipherment": True}
    else:  # as the SAT's e.firma
        uso = {
            "digital_signature": True,
            "content_commitment": True,
            "data_encipherment": True,
            "key_agreement": True,
        }
        constructor = constructor.add_extension(
            x509.ExtendedKeyUsage(
                [ExtendedKeyUsageOID.EMAIL_PROTECTION, ExtendedKeyUsageOID.CLIENT_AUTH]
            ),
            critical=False,
        )
    todos = dict.fromkeys(
        (
            "digital_signature",
            "content_commitment",
            "key_encipherment",
            "data_encipherment",
            "key_agreement",
            "key_cert_sign",
            "crl_sign",
            "encipher_only",
            "decipher_only",
        ),
        False,
    )
    constructor = constructor.add_extension(x509.KeyUsage(**(todos | uso)), critical=True)
    if crl_url:
        constructor = constructor.add_extension(
            x509.CRLDistributionPoints(
                [
                    x509.DistributionPoint(
                        [x509.UniformResourceIdentifier(crl_url)], None, None, None
                    )
                ]
            ),
            critical=False,
        )
    if ocsp_url:
        constructor = constructor.add_extension(
            x509.AuthorityInformationAccess(
                [
                    x509.AccessDescription(
                        AuthorityInformationAccessOID.OCSP, x509.UniformResourceIdentifier(ocsp_url)
                    )
                ]
            ),
            critical=False,
        )
    return Certificado(llave, constructor.sign(firma_llave, hashes.SHA256()))


def p12(
    certificado: Certificado, clave: str = CLAVE, cadena: tuple[Certificado, ...] = ()
) -> bytes:
    """`certificado` and its key as PKCS#12 protected by `clave`, with `cadena` alongside."""
    return pkcs12.serialize_key_and_certificates(
        b"folio-prueba",
        certificado.llave,
        certificado.cert,
        [c.cert for c in cadena] or None,
        serialization.BestAvailableEncryption(clave.encode()),
    )


def raiz(cn: str = "AC Raíz de Prueba") -> Certificado:
    """A self-signed authority valid for ten years."""
    return _emitir(
        _nombre(cn, o="Municipio de Prueba"),
        _llave(),
        None,
        desde=AHORA - timedelta(days=1),
        hasta=AHORA + timedelta(days=3650),
        ca=True,
    )


def sello(
    ac: Certificado,
    cn: str = "Sello de la Oficialía de Partes",
    *,
    desde: datetime | None = None,
    hasta: datetime | None = None,
) -> Certificado:
    """A seal certificate issued by `ac` (two years from yesterday unless told)."""
    return _emitir(
        _nombre(cn, o="Municipio de Prueba"),
        _llave(),
        ac,
        desde=desde or AHORA - timedelta(days=1),
        hasta=hasta or AHORA + timedelta(days=730),
    )


def _respuesta_ocsp(cuerpo: bytes, emisor: Certificado, revocados: set[int]) -> bytes:
    """An OCSP answer signed by the issuing CA itself (allowed by RFC 6960)."""
    pregunta = ocsp.load_der_ocsp_request(cuerpo)
    constructor = ocsp.OCSPResponseBuilder().add_response_by_hash(
        issuer_name_hash=pregunta.issuer_name_hash,
        issuer_key_hash=pregunta.issuer_key_hash,
        algorithm=pregunta.hash_algorithm,
        serial_number=pregunta.serial_number,
        cert_status=ocsp.OCSPCertStatus.REVOKED
        if pregunta.serial_number in revocados
        else ocsp.OCSPCertStatus.GOOD,
        this_update=AHORA - timedelta(hours=1),
        next_update=AHORA + timedelta(days=1),
        revocation_time=AHORA - timedelta(days=2) if pregunta.serial_number in revocados else None,
        revocation_reason=None,
    )
    for extension in pregunta.extensions:
        if isinstance(extension.value, x509.OCSPNonce):
            constructor = constructor.add_extension(extension.value, critical=False)
    constructor = constructor.responder_id(ocsp.OCSPResponderEncoding.HASH, emisor.cert)
    return constructor.sign(emisor.llave, hashes.SHA256()).public_bytes(serialization.Encoding.DER)


class _Servidor(BaseHTTPRequestHandler):
    rutas: dict[str, bytes] = {}
    selladores: dict[str, DummyTimeStamper] = {}
    ocsp: tuple[Certificado, set[int]] | None = None
    sellos = 0
    consultas_ocsp = 0

    def log_message(self, *args):
        pass

    def _responder(self, cuerpo: bytes, tipo: str) -> None:
        self.send_response(200)
        self.send_header("Content-Type", tipo)
        self.send_header("Content-Length", str(len(cuerpo)))
        self.end_headers()
        self.wfile.write(cuerpo)

    def do_GET(self):
        if self.path not in self.rutas:
            self.send_error(404)
            return
        self._responder(self.rutas[self.path], "application/pkix-crl")

    def do_POST(self):
        cuerpo = self.rfile.read(int(self.headers["Content-Length"]))
        if self.path == "/ocsp" and self.ocsp:
            type(self).consultas_ocsp += 1
            self._responder(_respuesta_ocsp(cuerpo, *self.ocsp), "application/ocsp-response")
            return
        if self.path not in self.selladores:
            self.send_error(404)
            return
        sellador = self.selladores[self.path]
        respuesta = sellador.request_tsa_response(tsp.TimeStampReq.load(cuerpo))
        type(self).sellos += 1
        self._responder(respuesta.dump(), "application/timestamp-reply")


@dataclass
class PKI:
    directorio: Path
    url: str
    raiz: Certificado
    intermedia: Certificado
    firmante: Certificado
    otro: Certificado  # another person's, for "key does not match"
    vencido: Certificado
    futuro: Certificado
    revocado: Certificado
    sin_crl: Certificado  # its CRL address answers 404
    cifrado: Certificado  # key usage: encipherment only, not signing
    por_ocsp: Certificado  # no CRL, an OCSP responder that says "good"
    revocado_por_ocsp: Certificado  # no CRL, the OCSP responder says "revoked"
    ajeno: Certificado  # issued by a root Folio does not trust
    ajena_raiz: Certificado
    tsa: Certificado
    servidor: ThreadingHTTPServer = field(repr=False)

    @property
    def raices(self) -> list[str]:
        """FOLIO_FIRMA_RAICES: the root and the intermediate, as an administrator puts them."""
        return [str(self.directorio / "raiz.pem"), str(self.directorio / "intermedia.cer")]

    @property
    def raices_con_la_ajena(self) -> list[str]:
        return [*self.raices, str(self.directorio / "ajena" / "raiz.pem")]

    @property
    def tsa_url(self) -> str:
        return f"{self.url}/tsa"

    def p12(self, certificado: Certificado | None = None, clave: str = CLAVE) -> bytes:
        return p12(certificado or self.firmante, clave, (self.intermedia,))

    def detener(self) -> None:
        self.servidor.shutdown()
        self.servidor.server_close()


def crear(directorio: Path) -> PKI:
    manejador = type("Manejador", (_Servidor,), {"rutas": {}, "selladores": {}})
    servidor = ThreadingHTTPServer(("127.0.0.1", 0), manejador)
    url = f"http://127.0.0.1:{servidor.server_address[1]}"
    threading.Thread(target=servidor.serve_forever, daemon=True).start()
    crl_url, perdida = f"{url}/ac-sat.crl", f"{url}/no-existe.crl"
    antes, despues = AHORA - timedelta(days=30), AHORA + timedelta(days=365)

    raiz = _emitir(
        _nombre("AC Raíz de Prueba (no válida)"),
        _llave(),
        None,
        serie=1,
        desde=antes,
        hasta=AHORA + timedelta(days=3650),
        ca=True,
    )
    intermedia = _emitir(
        _nombre("AC del Servicio de Administración Tributaria (prueba)", o="SAT de prueba"),
        _llave(),
        raiz,
        serie=2,
        desde=antes,
        hasta=AHORA + timedelta(days=1825),
        ca=True,
    )

    def persona(n, cn, rfc, curp, **kwargs):
        kwargs = {"desde": antes, "hasta": despues, "crl_url": crl_url} | kwargs
        return _emitir(
            _nombre(cn, rfc=rfc, curp=curp, o=cn),
            _llave(),
            kwargs.pop("emisor", intermedia),
            serie=serie_sat(n),
            **kwargs,
        )

    firmante = persona(500000001, "JUANA GÓMEZ MÉNDEZ", "GOMJ800101AB1", "GOMJ800101MDFMNN09")
    otro = persona(500000002, "PEDRO RUIZ LARA", "RULP750505CD2", "RULP750505HDFZRD01")
    vencido = persona(
        500000003,
        "ANA VENCIDA SOLÍS",
        "VESA700101EF3",
        "VESA700101MDFNLN02",
        desde=AHORA - timedelta(days=800),
        hasta=AHORA - timedelta(days=10),
    )
    futuro = persona(
        500000004,
        "LUIS FUTURO PAZ",
        "FUPL900101GH4",
        "FUPL900101HDFTZS03",
        desde=AHORA + timedelta(days=5),
        hasta=despues,
    )
    revocado = persona(500000005, "RAÚL REVOCADO MAR", "REMR850101IJ5", "REMR850101HDFVRL04")
    sin_crl = persona(
        500000006,
        "SARA SIN LISTA LUNA",
        "SILS880101KL6",
        "SILS880101MDFNNR05",
        crl_url=perdida,
    )
    por_ocsp = persona(
        500000009,
        "OSCAR RESPONDE PINO",
        "REPO800101QR9",
        "REPO800101HDFSNS08",
        crl_url=None,
        ocsp_url=f"{url}/ocsp",
    )
    revocado_por_ocsp = persona(
        500000010,
        "OLGA REVOCADA POR OCSP",
        "REOO800101ST1",
        "REOO800101MDFVCL09",
        crl_url=None,
        ocsp_url=f"{url}/ocsp",
    )
    manejador.ocsp = (intermedia, {revocado_por_ocsp.cert.serial_number})
    cifrado = persona(
        500000008,
        "CARLOS CIFRADO NUÑEZ",
        "CINC800101OP8",
        "CINC800101HDFFXR07",
        solo_cifrado=True,
    )
    ajena_raiz = _emitir(
        _nombre("AC Ajena de Prueba"),
        _llave(),
        None,
        serie=3,
        desde=antes,
        hasta=AHORA + timedelta(days=3650),
        ca=True,
    )
    ajeno = persona(
        500000007,
        "IRMA AJENA RÍOS",
        "AJRI800101MN7",
        "AJRI800101MDFJSR06",
        emisor=ajena_raiz,
        crl_url=None,
    )
    tsa = _emitir(
        _nombre("Sello de tiempo de prueba"),
        _llave(),
        raiz,
        serie=4,
        desde=antes,
        hasta=AHORA + timedelta(days=1825),
        tsa=True,
    )

    crl = (
        x509.CertificateRevocationListBuilder()
        .issuer_name(intermedia.cert.subject)
        .last_update(AHORA - timedelta(hours=1))
        .next_update(AHORA + timedelta(days=7))
        .add_revoked_certificate(
            x509.RevokedCertificateBuilder()
            .serial_number(revocado.cert.serial_number)
            .revocation_date(AHORA - timedelta(days=1))
            .build()
        )
        .add_extension(x509.CRLNumber(1), critical=False)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(intermedia.llave.public_key()),
            critical=False,
        )
        .sign(intermedia.llave, hashes.SHA256())
    )
    manejador.rutas["/ac-sat.crl"] = crl.public_bytes(serialization.Encoding.DER)
    tsa_ajena = _emitir(
        _nombre("Sello de tiempo ajeno"),
        _llave(),
        ajena_raiz,
        serie=5,
        desde=antes,
        hasta=AHORA + timedelta(days=1825),
        tsa=True,
    )
    for ruta, certificado in (("/tsa", tsa), ("/tsa-ajena", tsa_ajena)):
        manejador.selladores[ruta] = DummyTimeStamper(
            tsa_cert=translate_pyca_cryptography_cert_to_asn1(certificado.cert),
            tsa_key=translate_pyca_cryptography_key_to_asn1(certificado.llave),
            certs_to_embed=[translate_pyca_cryptography_cert_to_asn1(certificado.cert)],
        )
    directorio.mkdir(parents=True, exist_ok=True)
    (directorio / "raiz.pem").write_bytes(raiz.pem)
    (directorio / "intermedia.cer").write_bytes(intermedia.cer)
    (directorio / "ajena").mkdir(exist_ok=True)
    (directorio / "ajena" / "raiz.pem").write_bytes(ajena_raiz.pem)
    return PKI(
        directorio,
        url,
        raiz,
        intermedia,
        firmante,
        otro,
        vencido,
        futuro,
        revocado,
        sin_crl,
        cifrado,
        por_ocsp,
        revocado_por_ocsp,
        ajeno,
        ajena_raiz,
        tsa,
        servidor,
    )


def pdf(paginas: int = 1, texto: str = "Respuesta a su escrito") -> bytes:
    """A real PDF (reportlab, uncompressed so a test can find and change its text)."""
    from io import BytesIO

    from reportlab.lib.pagesizes import letter
    from reportlab.pdfgen import canvas

    salida = BytesIO()
    lienzo = canvas.Canvas(salida, pagesize=letter, pageCompression=0)
    for numero in range(1, paginas + 1):
        lienzo.setFont("Helvetica", 12)
        lienzo.drawString(72, 700, f"{texto} - hoja {numero} de {paginas}")
        lienzo.showPage()
    lienzo.save()
    return salida.getvalue()
