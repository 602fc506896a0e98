"""What documentos needs from the portal above it: the entity's identity (acuse) and the
trámites of the catalog (the online form's prefill).

The portal's settings and pages live in `cms`, above documentos, so documentos never imports
them: cms registers providers here in its AppConfig.ready() (like documentos.enlaces and
atencion.calidad.catalogo)."""

from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings


@dataclass(frozen=True)
class Identidad:
    nombre: str
    logo: str | None = None  # a path in default storage, or None


@dataclass(frozen=True)
class TramiteEnLinea:
    id: int
    titulo: str
    tema_id: int | None = None
    area_id: int | None = None


_identidad: list[Callable[[object], Identidad | None]] = []
_tramites: list[Callable[[int], TramiteEnLinea | None]] = []


def proveer_identidad(funcion: Callable[[object], Identidad | None]) -> None:
    if funcion not in _identidad:
        _identidad.append(funcion)


def proveer_tramite(funcion: Callable[[int], TramiteEnLinea | None]) -> None:
    if funcion not in _tramites:
        _tramites.append(funcion)


def identidad(request=None) -> Identidad:
    """The entity's name and logo; WAGTAIL_SITE_NAME when no provider answers."""
    for funcion in _identidad:
        if (datos := funcion(request)) is not None:
            return datos
    return Identidad(nombre=settings.WAGTAIL_SITE_NAME)


def tramite(valor) -> TramiteEnLinea | None:
    """The live trámite of this id (a query parameter: anything else gives None)."""
    try:
        pk = int(str(valor))
    except (TypeError, ValueError):
        return None
    if pk <= 0:
        return None
    return next((t for f in _tramites if (t := f(pk)) is not None), None)
