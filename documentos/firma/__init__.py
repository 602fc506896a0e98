"""Firma electrónica avanzada (PAdES with pyHanko): credentials, trust, signing, verification.

Pure code: no models, no database. The private key lives only in memory (`Credencial`).
"""

import asyncio
import functools
from concurrent.futures import ThreadPoolExecutor

from django.core.exceptions import ValidationError


class FirmaRechazada(ValidationError):
    """A credential or certificate Folio will not sign with; the message is for the user."""


def fuera_del_bucle(funcion):
    """Run `funcion` on a worker thread when this thread already runs an event loop.

    pyHanko's synchronous API calls asyncio.run, which fails inside a running loop (an ASGI
    server, a Playwright session); a fresh thread has none.
    """

    @functools.wraps(funcion)
    def envoltura(*args, **kwargs):
        try:
            asyncio.get_running_loop()
        except RuntimeError:
            return funcion(*args, **kwargs)
        with ThreadPoolExecutor(max_workers=1) as hilo:
            return hilo.submit(funcion, *args, **kwargs).result()

    return envoltura


def _compatibilidad() -> None:
    from .asn1 import aceptar_identificador_de_texto

    aceptar_identificador_de_texto()


_compatibilidad()
