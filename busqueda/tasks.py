"""Search index tasks: thin, id-based, safe to run twice."""

from django_tasks import task


@task()
def aplicar_pendientes() -> int:
    """Apply the outbox (busqueda.services.encolar) to the index."""
    from .services import aplicar_pendientes as aplicar

    return aplicar()
