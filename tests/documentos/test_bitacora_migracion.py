"""Migrating a database that already has (unkeyed) bitácora entries."""

import pytest
from django.db import DatabaseError, connection, transaction
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from documentos.models import EntradaBitacora
from documentos.services import bitacora
from tests.factories import hash_sin_clave

pytestmark = pytest.mark.django_db(transaction=True)

ANTES_DE_LA_CLAVE = [("documentos", "0002_bitacora_solo_agregar")]


def _migrar(destino=None):
    """Migrate to `destino` (default: every app's latest); returns the models of that state."""
    executor = MigrationExecutor(connection)
    destino = destino or executor.loader.graph.leaf_nodes()
    executor.migrate(destino)
    return MigrationExecutor(connection).loader.project_state(destino).apps


def test_old_entries_keep_their_unkeyed_hash_and_the_triggers_survive():
    anterior = _migrar(ANTES_DE_LA_CLAVE)
    Entrada = anterior.get_model("documentos", "EntradaBitacora")
    Cadena = anterior.get_model("documentos", "CadenaBitacora")
    ultimo = bitacora.GENESIS
    for n in range(3):  # what the code before the key wrote
        entrada = Entrada(
            accion="edicion",
            actor="Ventanilla (ventanilla)",
            fecha=timezone.now(),
            descripcion=f"Entrada antigua {n}",
            hash_anterior=ultimo,
        )
        entrada.hash = ultimo = hash_sin_clave(entrada)
        entrada.save()
    Cadena.objects.create(pk=1, ultimo_hash=ultimo, entradas=3)
    _refusa_cambios()  # migrating back (another table rebuild on SQLite) kept the trigger

    _migrar()

    assert list(EntradaBitacora.objects.values_list("version", flat=True)) == [1, 1, 1]
    nueva = bitacora.registrar(EntradaBitacora.Accion.EDICION, "Entrada con clave")
    assert nueva.version == 2
    resultado = bitacora.verificar_cadena()
    assert (resultado.integra, resultado.revisadas) == (True, 4)
    _refusa_cambios()


def _refusa_cambios():
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(f"UPDATE {EntradaBitacora._meta.db_table} SET descripcion = 'x'")
