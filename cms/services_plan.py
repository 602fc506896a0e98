"""Changes to a plan anticorrupción's componentes: an activity, e.g. an acción de mejora of a
service evaluation, added to one of them (the demos), and one componente written or taken
out from its own admin editor. Each change is a new revision of the page."""

import uuid

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from wagtail.blocks import StreamValue

# The componente of Colombia's PAAC where the acciones de mejora of the attention belong.
MECANISMOS = "Mecanismos para mejorar la atención al ciudadano"


def agregar_actividad(pagina, actividad, componente: str = MECANISMOS, usuario=None) -> bool:
    """Put `actividad` last in the componente named `componente` (any case) of the plan.

    Works on the latest revision and publishes it, unless the page has unpublished changes:
    then the new revision stays a draft for its editors. False when the activity is already
    in the plan; ValueError when the plan has no such componente."""
    borrador = pagina.has_unpublished_changes
    ultima = pagina.get_latest_revision_as_object()
    bloques = [b for b in ultima.componentes if b.block_type == "componente"]
    if any(a is not None and a.pk == actividad.pk for b in bloques for a in b.value["actividades"]):
        return False
    destino = next(
        (b for b in bloques if b.value["nombre"].casefold() == componente.casefold()), None
    )
    if destino is None:
        raise ValueError(
            _("El plan «%(plan)s» no tiene el componente «%(componente)s».")
            % {"plan": pagina.title, "componente": componente}
        )
    destino.value["actividades"].append(actividad)
    revision = ultima.save_revision(user=usuario, log_action=True)
    if not borrador:
        revision.publish(user=usuario)
    return True


def _actividades(valor) -> list:
    return [a for a in valor["actividades"] if a is not None]


def guardar_componente(
    pagina, valor, bloque_id=None, posicion=None, usuario=None, publicar=False
) -> str:
    """Write one componente (a ComponenteBlock value) into the latest revision of the plan.

    Replaces the block `bloque_id` or, without it, adds the componente last; `posicion`
    (from 1) moves it. Saves a new revision, a draft like the page's own editor does, and
    publishes it only when `publicar` (the caller checks the user may). Returns the block
    id. ValidationError, and nothing saved, when an activity is twice in the plan."""
    ultima = pagina.get_latest_revision_as_object()
    bloques = [(b.block_type, b.value, b.id) for b in ultima.componentes]
    indice = next((i for i, b in enumerate(bloques) if b[2] == bloque_id), None)
    if bloque_id and indice is None:
        raise ValueError(_("El plan ya no tiene ese componente."))
    otras = {
        a.pk: v["nombre"]
        for i, (_t, v, _id) in enumerate(bloques)
        if i != indice
        for a in _actividades(v)
    }
    vistas = set()
    for actividad in _actividades(valor):
        if actividad.pk in vistas or actividad.pk in otras:
            raise ValidationError(
                _("La actividad «%(nombre)s» ya está en este plan (componente «%(otro)s»)."),
                params={
                    "nombre": actividad.nombre,
                    "otro": otras.get(actividad.pk, valor["nombre"]),
                },
            )
        vistas.add(actividad.pk)
    nuevo = ("componente", valor, bloque_id or str(uuid.uuid4()))
    if indice is None:
        bloques.append(nuevo)
    else:
        bloques[indice] = nuevo
    if posicion:
        bloques.remove(nuevo)
        bloques.insert(min(max(posicion, 1), len(bloques) + 1) - 1, nuevo)
    ultima.componentes = StreamValue(ultima.componentes.stream_block, bloques)
    revision = ultima.save_revision(user=usuario, log_action=True)
    if publicar:
        revision.publish(user=usuario)
    return nuevo[2]


def borrar_componente(pagina, bloque_id, usuario=None) -> None:
    """Take the componente `bloque_id` out of the plan in a new draft revision (its
    activities stay as rows)."""
    ultima = pagina.get_latest_revision_as_object()
    bloques = [(b.block_type, b.value, b.id) for b in ultima.componentes]
    restantes = [b for b in bloques if b[2] != bloque_id]
    if len(restantes) == len(bloques):
        raise ValueError(_("El plan ya no tiene ese componente."))
    ultima.componentes = StreamValue(ultima.componentes.stream_block, restantes)
    ultima.save_revision(user=usuario, log_action=True)
