"""Search index tasks: thin, id-based, safe to run twice."""

from django_tasks import task


@task()
def aplicar_pendientes() -> int:
    """Apply the outbox (busqueda.services.encolar) to the index."""
    from .services import aplicar_pendientes as aplicar

    return aplicar()


@task()
def indexar_escrito(escrito_id: int) -> int:
    """Refresh one escrito's entry now (outside a request): through the outbox as always."""
    from .services import aplicar_pendientes as aplicar
    from .services import encolar_escrito

    encolar_escrito(escrito_id)
    return aplicar()
