"""Database backend: the same searches without Elasticsearch (SQLite FTS5 or PostgreSQL),
split by concern behind this surface:

- `esquema`: the stores (staff `PERSONAL`, public `PUBLICOS`: their own tables and
  full-text indexes, so a public query reads only the approved versiones públicas), the
  portal's FTS5 table, the vendor;
- `escritura`: documents folded and stemmed in Python (busqueda.texto) and stored in an
  FTS5 table (SQLite) or a tsvector with the 'simple' configuration (PostgreSQL), rebuild;
- `vocabulario`: every indexed word, for typo tolerance and «¿Quiso decir…?»;
- `expresiones`: query atoms and the boolean tree as FTS5 expressions or tsqueries;
- `consulta`: scope, filters, total and facets, the page's ordering (bm25 / ts_rank),
  similares, corregir;
- `resultados`: rows mapped to Resultados, fragments cut in Python;
- `paginas`: the portal pages search.

It implements `busqueda.backends.protocolo.MotorBusqueda`.
"""

from .consulta import buscar, corregir, similares
from .escritura import (
    activar,
    borrar_todo,
    contar,
    firmas,
    guardar,
    preparar,
    reconstruir,
    refrescar,
)
from .paginas import buscar_paginas

__all__ = [
    "activar",
    "borrar_todo",
    "buscar",
    "buscar_paginas",
    "contar",
    "corregir",
    "firmas",
    "guardar",
    "preparar",
    "reconstruir",
    "refrescar",
    "similares",
]
