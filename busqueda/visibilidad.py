"""Who sees what in search: documentos.visibilidad translated into one search scope.

Every backend filters with `Alcance` and nothing else. The public scope reads only the
public store (documents of `visibilidad.escritos_publicos`, built from their approved
versión pública); staff scopes read the staff store, whose documents carry `areas`/`usuarios`
(visibilidad.acceso_staff).
"""

from dataclasses import dataclass

from documentos import visibilidad


@dataclass(frozen=True)
class Alcance:
    publico: bool  # the public store: versiones públicas only, no remitente at all
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
