"""The Elasticsearch connection, configured once from ELASTICSEARCH_URL.

Without ELASTICSEARCH_URL Folio searches the database instead; callers ask
`elasticsearch_enabled()` rather than reading settings themselves.
"""

from django.conf import settings
from elasticsearch import Elasticsearch
from elasticsearch.dsl import connections


def elasticsearch_enabled() -> bool:
    return bool(settings.ELASTICSEARCH_URL)


def configure() -> None:
    """Register the default elasticsearch.dsl connection (lazy: nothing is contacted)."""
    if elasticsearch_enabled():
        connections.configure(
            default={
                "hosts": settings.ELASTICSEARCH_URL,
                "request_timeout": 30,
                "retry_on_timeout": True,
                "max_retries": 3,
            }
        )


def get_client() -> Elasticsearch:
    if not elasticsearch_enabled():
        raise RuntimeError(
            "ELASTICSEARCH_URL no está configurada: la búsqueda usa la base de datos."
        )
    return connections.get_connection()
