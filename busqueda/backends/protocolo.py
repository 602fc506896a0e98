"""What a search backend provides: the only calls selectors and services make to it.

Both backends are packages (`database`, `elasticsearch`); a module satisfies this Protocol
structurally (PEP 544), so `actual()` returns either as a `MotorBusqueda`.
"""

from collections.abc import Callable, Iterable
from typing import Protocol

from ..consulta import Consulta
from ..resultados import Resultado, ResultadoPagina, Resultados
from ..visibilidad import Alcance


class MotorBusqueda(Protocol):
    """`tipo` names a store: "escritos" (staff), "publicos" (public) or "paginas" (portal)."""

    # Writes
    def preparar(self) -> None:
        """Create whatever the stores need (idempotent)."""
        ...

    def guardar(self, tipo: str, docs: list[dict], borrados: list[int], version: int) -> None:
        """Upsert `docs` and delete `borrados`; `version` is the outbox row applied."""
        ...

    def reconstruir(
        self,
        tipo: str,
        docs: Iterable[dict],
        version: int,
        progreso: Callable[[int], None] | None = None,
    ) -> str:
        """Write a fresh copy of the store; returns what `activar` swaps in."""
        ...

    def activar(self, tipo: str, nuevo: str) -> None: ...

    def firmas(self, tipo: str) -> dict[int, str]:
        """{id: fingerprint} of everything stored (reconcile compares them)."""
        ...

    def contar(self, tipo: str) -> int: ...

    def refrescar(self) -> None:
        """Make every write so far visible to searches."""
        ...

    def borrar_todo(self) -> None: ...

    # Reads
    def buscar(self, consulta: Consulta, alcance: Alcance) -> Resultados: ...

    def similares(
        self, escrito_id: int, alcance: Alcance, cuantos: int = 5
    ) -> list[Resultado] | None:
        """None when the escrito is not visible to `alcance` (nothing is revealed)."""
        ...

    def corregir(self, consulta: Consulta, alcance: Alcance) -> str | None: ...

    def buscar_paginas(self, q: str, cuantos: int = 10) -> list[ResultadoPagina]: ...
