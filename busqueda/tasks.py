"""Search index tasks. The indexer lands with the search work (feat/busqueda)."""

from django_tasks import task


@task()
def indexar_escrito(escrito_id: int) -> None:
    """Placeholder until the search package is merged: does nothing."""
