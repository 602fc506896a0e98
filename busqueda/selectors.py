"""Reads of the search index. Views and APIs call only these."""

from .backends import actual
from .consulta import Consulta
from .resultados import Resultado, ResultadoPagina, Resultados
from .visibilidad import alcance


class BusquedaNoDisponible(Exception):
    """The search engine did not answer (shown as a Spanish message, HTTP 503)."""


def _llamar(funcion, *args):
    from elastic_transport import TransportError
    from elasticsearch import ApiError

    try:
        return funcion(*args)
    except (TransportError, ApiError) as error:
        raise BusquedaNoDisponible(str(error)) from error


def buscar(consulta: Consulta, usuario=None) -> Resultados:
    """Escritos matching the consulta that `usuario` may see (None: the public)."""
    return _llamar(actual().buscar, consulta, alcance(usuario))


def similares(escrito_id: int, usuario=None, cuantos: int = 5) -> list[Resultado] | None:
    """Escritos like this one; None when `usuario` may not see the escrito itself."""
    return _llamar(actual().similares, escrito_id, alcance(usuario), cuantos)


def corregir(consulta: Consulta, usuario=None) -> str | None:
    """«¿Quiso decir…?»: a close query that finds something `usuario` may see, or None."""
    return _llamar(actual().corregir, consulta, alcance(usuario))


def buscar_paginas(q: str, cuantos: int = 10) -> list[ResultadoPagina]:
    """Published portal pages (always public)."""
    return _llamar(actual().buscar_paginas, q, cuantos)
