"""Changes made by code to a plan anticorrupción (the demos): an activity, e.g. an acción de
mejora of a service evaluation, added to one of its componentes."""

from django.utils.translation import gettext as _

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
