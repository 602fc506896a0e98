"""Elasticsearch backend (elasticsearch.dsl), split by concern behind this surface:

- `mapeo`: analyzers, mappings, index settings and names (versioned indexes, one alias each);
- `escritura`: bulk writes, outbox batches with external versions, rebuild and alias swap;
- `consulta`: query compiling (boolean tree, filters, facets, sorting, fuzziness) and reads;
- `resultados`: responses mapped to Resultados.

It implements `busqueda.backends.protocolo.MotorBusqueda`; the rest of the names here are
for the benchmark and the tests.
"""

from .consulta import buscar, buscar_paginas, corregir, cuerpo, similares
from .escritura import (
    CHUNK,
    acciones,
    activar,
    borrar_todo,
    contar,
    firmas,
    guardar,
    preparar,
    reconstruir,
    refrescar,
    versiones,
)
from .mapeo import alias, crear_indice

__all__ = [
    "CHUNK",
    "acciones",
    "activar",
    "alias",
    "borrar_todo",
    "buscar",
    "buscar_paginas",
    "contar",
    "corregir",
    "crear_indice",
    "cuerpo",
    "firmas",
    "guardar",
    "preparar",
    "reconstruir",
    "refrescar",
    "similares",
    "versiones",
]
