"""The trámites of the catalog, as the quality cycle sees them (inventory, prioritisation).

The catalog's pages live in `cms`, above atencion, so atencion never imports them: cms
registers a provider here in its AppConfig.ready() (like documentos.enlaces.
ofrecer_tras_respuesta), a function that returns the live trámites as `TramiteCatalogo`."""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from .indicadores import Ambito


@dataclass(frozen=True)
class TramiteCatalogo:
    id: int  # the page's pk (Evaluacion.tramite, Servicio.tramite)
    titulo: str
    clave: str = ""
    area_id: int | None = None
    tema_id: int | None = None
    servicio_ids: tuple[int, ...] = field(default_factory=tuple)

    @property
    def ambito(self) -> Ambito:
        """Escritos of its área and tema; turnos only of the servicios linked to it."""
        return Ambito(
            self.area_id,
            self.tema_id,
            self.servicio_ids,
            con_ventanilla=bool(self.servicio_ids),
        )


Proveedor = Callable[[], Iterable[TramiteCatalogo]]
_PROVEEDORES: list[Proveedor] = []


def proveer_tramites(funcion: Proveedor) -> None:
    if funcion not in _PROVEEDORES:
        _PROVEEDORES.append(funcion)


def tramites(area_id: int | None = None) -> list[TramiteCatalogo]:
    """Every live trámite (of one área when given), by title."""
    todos = [t for funcion in _PROVEEDORES for t in funcion()]
    if area_id is not None:
        todos = [t for t in todos if t.area_id == area_id]
    return sorted(todos, key=lambda t: (t.titulo.casefold(), t.id))


def tramite(pk: int) -> TramiteCatalogo | None:
    return next((t for t in tramites() if t.id == pk), None)
