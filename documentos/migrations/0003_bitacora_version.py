"""The bitácora's hash gets a version: 1 = plain sha256 (every entry so far), 2 = HMAC.

Existing rows get 1 (their hashes cannot be recomputed with a key: the table is append-only);
the model's default, for new rows, is 2. On SQLite adding a NOT NULL column rebuilds the
table, which drops its trigger, so the trigger is created again after the column is added
(and after it is removed, when migrating back).
"""

from django.db import migrations, models

TABLA = "documentos_entradabitacora"

POSTGRES = [
    """CREATE OR REPLACE FUNCTION folio_bitacora_inmutable() RETURNS trigger AS $$
    BEGIN
        RAISE EXCEPTION 'La bitácora no se modifica ni se borra';
    END;
    $$ LANGUAGE plpgsql;""",
    f"DROP TRIGGER IF EXISTS bitacora_inmutable ON {TABLA};",
    f"""CREATE TRIGGER bitacora_inmutable BEFORE UPDATE OR DELETE ON {TABLA}
        FOR EACH ROW EXECUTE FUNCTION folio_bitacora_inmutable();""",
]
SQLITE = [
    "DROP TRIGGER IF EXISTS bitacora_sin_update;",
    f"""CREATE TRIGGER bitacora_sin_update BEFORE UPDATE ON {TABLA}
        BEGIN SELECT RAISE(ABORT, 'La bitácora no se modifica ni se borra'); END;""",
]


def crear_disparadores(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    for sql in {"postgresql": POSTGRES, "sqlite": SQLITE}.get(vendor, []):
        schema_editor.execute(sql)


def _version(default):
    return models.PositiveSmallIntegerField(
        choices=[
            (1, "SHA-256 sin clave (entradas anteriores a la clave)"),
            (2, "HMAC-SHA256 con la clave de la bitácora"),
        ],
        default=default,
        verbose_name="versión del hash",
    )


class Migration(migrations.Migration):
    dependencies = [("documentos", "0002_bitacora_solo_agregar")]

    operations = [
        # Backwards, this runs last: after the column is removed (another rebuild).
        migrations.RunPython(migrations.RunPython.noop, crear_disparadores),
        migrations.SeparateDatabaseAndState(
            database_operations=[
                migrations.AddField("entradabitacora", "version", _version(1)),
            ],
            state_operations=[
                migrations.AddField("entradabitacora", "version", _version(2)),
            ],
        ),
        migrations.RunPython(crear_disparadores, migrations.RunPython.noop),
    ]
