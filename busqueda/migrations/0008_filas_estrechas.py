"""Narrow search rows: the analysed text leaves the rows (FTS5 keeps its own copy on
SQLite; PostgreSQL's `vector` is computed from it at write time), and on SQLite the
escrito key becomes an INTEGER PRIMARY KEY, the rowid the FTS5 tables join on. The FTS5
tables and vectors are untouched: no rebuild is needed."""

import busqueda.models
import django.db.models.deletion
from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('busqueda', '0007_vocabulario_por_inicial'),
        ('documentos', '0009_filtros_guardados'),
    ]

    operations = [
        migrations.RemoveField(
            model_name='documentobusqueda',
            name='contenido',
        ),
        migrations.RemoveField(
            model_name='documentobusqueda',
            name='principal',
        ),
        migrations.RemoveField(
            model_name='documentobusqueda',
            name='remitente_terminos',
        ),
        migrations.RemoveField(
            model_name='documentopublicobusqueda',
            name='contenido',
        ),
        migrations.RemoveField(
            model_name='documentopublicobusqueda',
            name='principal',
        ),
        migrations.AlterField(
            model_name='documentobusqueda',
            name='escrito',
            field=busqueda.models.ClaveEscrito(db_constraint=False, on_delete=django.db.models.deletion.DO_NOTHING, primary_key=True, related_name='+', serialize=False, to='documentos.escrito'),
        ),
        migrations.AlterField(
            model_name='documentopublicobusqueda',
            name='escrito',
            field=busqueda.models.ClaveEscrito(db_constraint=False, on_delete=django.db.models.deletion.DO_NOTHING, primary_key=True, related_name='+', serialize=False, to='documentos.escrito'),
        ),
    ]
