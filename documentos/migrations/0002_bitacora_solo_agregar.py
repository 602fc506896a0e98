"""The database itself refuses changes to the bitácora (append-only).

PostgreSQL refuses UPDATE and DELETE (TRUNCATE stays possible for the table owner, which
is how test databases are emptied). SQLite, which has no TRUNCATE, refuses UPDATE only;
a deleted entry is still caught by the hash chain (`manage.py bitacora_verificar`).
"""

from django.db import migrations

TABLA = "documentos_entradabitacora"

POSTGRES = f"""
CREATE OR REPLACE FUNCTION folio_bitacora_inmutable() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'La bitácora no se modifica ni se borra';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER bitacora_inmutable BEFORE UPDATE OR DELETE ON {TABLA}
    FOR EACH ROW EXECUTE FUNCTION folio_bitacora_inmutable();
"""
POSTGRES_REVERSA = f"""
DROP TRIGGER IF EXISTS bitacora_inmutable ON {TABLA};
DROP FUNCTION IF EXISTS folio_bitacora_inmutable();
"""
SQLITE = [
    f"""CREATE TRIGGER bitacora_sin_update BEFORE UPDATE ON {TABLA}
        BEGIN SELECT RAISE(ABORT, 'La bitácora no se modifica ni se borra'); END;""",
]
SQLITE_REVERSA = [
    "DROP TRIGGER IF EXISTS bitacora_sin_update;",
]


def _ejecutar(schema_editor, postgres, sqlite):
    vendor = schema_editor.connection.vendor
    sentencias = [postgres] if vendor == "postgresql" else sqlite if vendor == "sqlite" else []
    for sql in sentencias:
        schema_editor.execute(sql)


def crear(apps, schema_editor):
    _ejecutar(schema_editor, POSTGRES, SQLITE)


def borrar(apps, schema_editor):
    _ejecutar(schema_editor, POSTGRES_REVERSA, SQLITE_REVERSA)


class Migration(migrations.Migration):
    dependencies = [("documentos", "0001_initial")]

    operations = [migrations.RunPython(crear, borrar)]
