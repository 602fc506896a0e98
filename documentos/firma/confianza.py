"""Trust: the authorities an administrator configured, and whether a certificate may sign now.

`FOLIO_FIRMA_REVOCACION` decides what happens when revocation cannot be checked (no CRL or
OCSP answer): `estricta` (default) refuses, `flexible` signs and returns a warning.
"""

import asyncio
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from asn1crypto import x509 as asn1_x509
from django.conf import settings
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from pyhanko.keys import load_certs_from_pemder_data
from pyhanko.sign.validation import KeyUsageConstraints
from pyhanko_certvalidator import CertificateValidator, ValidationContext
from pyhanko_certvalidator.errors import (
    ExpiredError,
    InsufficientRevinfoError,
    InvalidCertificateError,
    NotYetValidError,
    PathBuildingError,
    PathValidationError,
    RevokedError,
)

from . import FirmaRechazada, fuera_del_bucle
from .credenciales import Credencial

_EXTENSIONES = {".pem", ".crt", ".cer", ".der"}
# Signing certificates carry digitalSignature and/or nonRepudiation (SAT's e.firma: both).
USO_DE_LLAVE = KeyUsageConstraints(
    key_usage={"digital_signature", "non_repudiation"}, match_all_key_usages=False
)


@dataclass(frozen=True)
class Revision:
    """The outcome of `revisar`: the certificate may sign; `revocacion_comprobada` is False
    only in flexible mode when no CRL/OCSP answer was obtained (see `advertencias`)."""

    revocacion_comprobada: bool
    advertencias: tuple[str, ...] = field(default=())


def autoridades() -> tuple[list[asn1_x509.Certificate], list[asn1_x509.Certificate]]:
    """FOLIO_FIRMA_RAICES (directories or files): the self-signed certificates are the trust
    roots, the others intermediate authorities (e.g. the SAT's AC certificates)."""
    certificados = []
    for entrada in settings.FOLIO_FIRMA_RAICES:
        ruta = Path(entrada).expanduser()
        archivos = (
            sorted(p for p in ruta.iterdir() if p.suffix.lower() in _EXTENSIONES)
            if ruta.is_dir()
            else [ruta]
        )
        for archivo in archivos:
            try:
                certificados.extend(load_certs_from_pemder_data(archivo.read_bytes()))
            except (OSError, ValueError):
                raise FirmaRechazada(
                    _(
                        "No se pudo leer el certificado de autoridad %(archivo)s "
                        "(FOLIO_FIRMA_RAICES): avise al administrador."
                    )
                    % {"archivo": archivo}
                ) from None
    raices = [c for c in certificados if c.self_signed != "no"]
    if not raices:
        raise FirmaRechazada(
            _(
                "No hay autoridades certificadoras raíz configuradas (FOLIO_FIRMA_RAICES): no se "
                "puede firmar ni comprobar firmas. Avise al administrador."
            )
        )
    return raices, [c for c in certificados if c.self_signed == "no"]


def contexto(
    momento: datetime | None = None, *, otros=(), revocacion: str = "hard-fail"
) -> ValidationContext:
    """pyHanko's validation context over the configured authorities, fetching CRLs/OCSP."""
    raices, intermedias = autoridades()
    return ValidationContext(
        trust_roots=raices,
        other_certs=intermedias + list(otros),
        moment=momento,
        allow_fetching=True,
        revocation_mode=revocacion,
    )


@fuera_del_bucle
def revisar(credencial: Credencial, momento: datetime | None = None) -> Revision:
    """Refuse (FirmaRechazada) a certificate that may not sign at `momento` (default now)."""
    momento = momento or datetime.now(UTC)
    _vigencia(credencial, momento)
    try:
        _validar(credencial, momento, "hard-fail")
        return Revision(revocacion_comprobada=True)
    except InsufficientRevinfoError:
        aviso = _(
            "No se pudo comprobar si el certificado fue revocado: la autoridad que lo emitió no "
            "respondió (lista de revocación u OCSP)."
        )
        if settings.FOLIO_FIRMA_REVOCACION != "flexible":
            raise FirmaRechazada(aviso + " " + _("Intente de nuevo más tarde.")) from None
    _validar(credencial, momento, "soft-fail")
    return Revision(revocacion_comprobada=False, advertencias=(aviso,))


def _fecha(momento: datetime) -> str:
    return formats.date_format(timezone.localtime(momento), "DATETIME_FORMAT")


def _vigencia(credencial: Credencial, momento: datetime) -> None:
    certificado = credencial.certificado
    if momento < certificado.not_valid_before_utc:
        raise FirmaRechazada(
            _("El certificado todavía no es válido: su vigencia empieza el %(fecha)s.")
            % {"fecha": _fecha(certificado.not_valid_before_utc)}
        )
    if momento > certificado.not_valid_after_utc:
        raise FirmaRechazada(
            _("El certificado venció el %(fecha)s: renueve su firma electrónica.")
            % {"fecha": _fecha(certificado.not_valid_after_utc)}
        )


def _validar(credencial: Credencial, momento: datetime, revocacion: str) -> None:
    validador = CertificateValidator(
        credencial.certificado_asn1,
        intermediate_certs=credencial.cadena_asn1,
        validation_context=contexto(momento, revocacion=revocacion),
    )
    try:
        asyncio.run(validador.async_validate_usage(set()))
        USO_DE_LLAVE.validate(credencial.certificado_asn1)
    except RevokedError as error:
        raise FirmaRechazada(
            _(
                "El certificado fue revocado el %(fecha)s por la autoridad que lo emitió: no "
                "puede firmar con él."
            )
            % {"fecha": _fecha(error.revocation_dt)}
        ) from None
    except (ExpiredError, NotYetValidError):
        raise FirmaRechazada(
            _("Un certificado de la cadena de confianza no está vigente en este momento.")
        ) from None
    except InsufficientRevinfoError:
        raise
    except PathBuildingError:
        raise FirmaRechazada(
            _(
                "El certificado no fue emitido por una autoridad certificadora reconocida por "
                "Folio (%(emisor)s)."
            )
            % {"emisor": credencial.titular.emisor}
        ) from None
    except InvalidCertificateError:
        raise FirmaRechazada(
            _(
                "El certificado no sirve para firmar: su uso de llave no incluye la firma "
                "digital. Use su certificado de firma electrónica."
            )
        ) from None
    except PathValidationError as error:
        raise FirmaRechazada(
            _("El certificado no es válido para firmar: %(detalle)s") % {"detalle": error}
        ) from None
