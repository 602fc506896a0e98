"""Firma electrónica avanzada (PAdES with pyHanko): credentials, trust, signing, verification.

Pure code: no models, no database. The private key lives only in memory (`Credencial`).
"""

from django.core.exceptions import ValidationError


class FirmaRechazada(ValidationError):
    """A credential or certificate Folio will not sign with; the message is for the user."""


def _compatibilidad() -> None:
    from .asn1 import aceptar_identificador_de_texto

    aceptar_identificador_de_texto()


_compatibilidad()
