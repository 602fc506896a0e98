"""Full-text structures of the public store, as 0002 made them for the staff one.

SQLite: an FTS5 table (rowid = escrito id) over the folded, stemmed text of the versión
pública (no remitente column: the public store has none). PostgreSQL: a GIN index on the
tsvector column.
"""

from django.db import migrations

SQLITE = [
    (
        "CREATE VIRTUAL TABLE IF NOT EXISTS busqueda_fts_publico USING fts5("
        "principal, contenido, tokenize = 'unicode61 remove_diacritics 2')",
        "DROP TABLE IF EXISTS busqueda_fts_publico",
    ),
]
POSTGRES = [
    (
        "CREATE INDEX IF NOT EXISTS busqueda_publico_vector_gin "
        "ON busqueda_documentopublicobusqueda USING gin (vector)",
        "DROP INDEX IF EXISTS busqueda_publico_vector_gin",
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
    dependencies = [("busqueda", "0003_almacen_publico")]

    operations = [migrations.RunPython(_ejecutar("crear"), _ejecutar("borrar"))]
