"""Where the database backend keeps things: one store per kind of escrito document (its
rows, page rows and FTS5 table), the portal pages' FTS5 table, and the vendor in use."""

from dataclasses import dataclass

from django.db import connection
from django.db.models import Model

from ...models import (
    DocumentoBusqueda,
    DocumentoPublicoBusqueda,
    PaginaBusqueda,
    PaginaPortalBusqueda,
    PaginaPublicaBusqueda,
)
from ...visibilidad import Alcance

FTS_PORTAL = "busqueda_fts_portal"
LOTE = 500
MAX_TSVECTOR = 400_000  # characters of stemmed text


@dataclass(frozen=True)
class Almacen:
    """Where one kind of escrito document lives: its rows, page rows and FTS5 table."""

    modelo: type[Model]
    paginas: type[Model]
    fts: str
    columnas: tuple[str, ...]  # FTS5 columns, after the rowid
    personal: bool  # staff documents carry the remitente and who may see them


PERSONAL = Almacen(
    DocumentoBusqueda,
    PaginaBusqueda,
    "busqueda_fts",
    ("principal", "contenido", "remitente"),
    personal=True,
)
PUBLICOS = Almacen(
    DocumentoPublicoBusqueda,
    PaginaPublicaBusqueda,
    "busqueda_fts_publico",
    ("principal", "contenido"),
    personal=False,
)
ALMACENES = {"escritos": PERSONAL, "publicos": PUBLICOS}


def almacen_de(alcance: Alcance) -> Almacen:
    """The public reads only the public store: staff text is not even in its tables."""
    return PUBLICOS if alcance.publico else PERSONAL


def modelo_de(tipo: str) -> type[Model]:
    """The rows of a `tipo` ("escritos", "publicos" or "paginas")."""
    return ALMACENES[tipo].modelo if tipo in ALMACENES else PaginaPortalBusqueda


def sqlite() -> bool:
    return connection.vendor == "sqlite"
