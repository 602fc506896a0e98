"""Who sees what in search: documentos.visibilidad translated into one search scope.

Every backend filters with `Alcance` and nothing else. The index carries `publico`
(visibilidad.es_publico) and `areas`/`usuarios` (visibilidad.acceso_staff).
"""

from dataclasses import dataclass

from documentos import visibilidad


@dataclass(frozen=True)
class Alcance:
    publico: bool  # only public escritos, no remitente data, no remitente matching
    todo: bool = False
    areas: tuple[int, ...] = ()
    usuario_id: int | None = None

    @property
    def ve_remitente(self) -> bool:
        return not self.publico


PUBLICO = Alcance(publico=True)


def alcance(usuario) -> Alcance:
    """The public scope for None/anonymous users; the staff scope otherwise (computed once
    per user object, i.e. once per request)."""
    if usuario is None or not usuario.is_authenticated:
        return PUBLICO
    if (guardado := getattr(usuario, "_busqueda_alcance", None)) is not None:
        return guardado
    usuario._busqueda_alcance = _alcance_staff(usuario)
    return usuario._busqueda_alcance


def _alcance_staff(usuario) -> Alcance:
    if not usuario.is_active:
        return Alcance(publico=False)
    if visibilidad.ve_todo(usuario):
        return Alcance(publico=False, todo=True)
    return Alcance(publico=False, areas=tuple(visibilidad.areas_de(usuario)), usuario_id=usuario.pk)
