"""The vocabulary keyed by first letter (typo tolerance looks words up by (almacen, inicial,
largo)), and the database backend's stored terms marked stale: they were stemmed with the
old light stemmer, so `search_index reconcile` (or `rebuild`) rewrites every row with the
Snowball stems."""

from django.db import migrations, models
from django.db.models.functions import Substr

MODELOS = (
    "DocumentoBusqueda",
    "DocumentoPublicoBusqueda",
    "PaginaPortalBusqueda",
)


def llenar_inicial(apps, schema_editor):
    palabras = apps.get_model("busqueda", "PalabraIndice")
    palabras.objects.update(inicial=Substr("palabra", 1, 1))


def marcar_desactualizados(apps, schema_editor):
    for nombre in MODELOS:
        apps.get_model("busqueda", nombre).objects.update(firma="")


class Migration(migrations.Migration):
    dependencies = [
        ("busqueda", "0006_acceso_e_indices"),
    ]

    operations = [
        migrations.AddField(
            model_name="palabraindice",
            name="inicial",
            field=models.CharField(default="", max_length=1),
        ),
        migrations.RunPython(llenar_inicial, migrations.RunPython.noop),
        migrations.RemoveIndex(
            model_name="palabraindice",
            name="busqueda_palabra_largo_idx",
        ),
        migrations.AddIndex(
            model_name="palabraindice",
            index=models.Index(
                fields=["almacen", "inicial", "largo", "palabra"],
                name="busqueda_palabra_inicial_idx",
            ),
        ),
        migrations.RunPython(marcar_desactualizados, migrations.RunPython.noop),
    ]
