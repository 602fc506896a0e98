"""Full-text structures that depend on the database vendor.

SQLite: FTS5 tables (rowid = escrito / page id) over the already folded, stemmed text.
PostgreSQL: GIN indexes on the tsvector columns.
"""

from django.db import migrations

SQLITE = [
    (
        "CREATE VIRTUAL TABLE IF NOT EXISTS busqueda_fts USING fts5("
        "principal, contenido, remitente, tokenize = 'unicode61 remove_diacritics 2')",
        "DROP TABLE IF EXISTS busqueda_fts",
    ),
    (
        "CREATE VIRTUAL TABLE IF NOT EXISTS busqueda_fts_portal USING fts5("
        "titulo, texto, tokenize = 'unicode61 remove_diacritics 2')",
        "DROP TABLE IF EXISTS busqueda_fts_portal",
    ),
]
POSTGRES = [
    (
        "CREATE INDEX IF NOT EXISTS busqueda_documento_vector_gin "
        "ON busqueda_documentobusqueda USING gin (vector)",
        "DROP INDEX IF EXISTS busqueda_documento_vector_gin",
    ),
    (
        "CREATE INDEX IF NOT EXISTS busqueda_portal_vector_gin "
        "ON busqueda_paginaportalbusqueda USING gin (vector)",
        "DROP INDEX IF EXISTS busqueda_portal_vector_gin",
    ),
]


def _ejecutar(cual):
    def operacion(apps, schema_editor):
        vendor = schema_editor.connection.vendor
        sentencias = {"sqlite": SQLITE, "postgresql": POSTGRES}.get(vendor, [])
        for crear, borrar in sentencias:
            schema_editor.execute(crear if cual == "crear" else borrar)

    return operacion


class Migration(migrations.Migration):
    dependencies = [("busqueda", "0001_initial")]

    operations = [migrations.RunPython(_ejecutar("crear"), _ejecutar("borrar"))]
