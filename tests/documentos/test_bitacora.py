import itertools

import pytest
from django.core.management import CommandError, call_command
from django.db import DatabaseError, connection, transaction

from documentos.models import EntradaBitacora
from documentos.models.bitacora import BitacoraInmutable
from documentos.services import flujo

pytestmark = pytest.mark.django_db

TABLA = EntradaBitacora._meta.db_table


@pytest.fixture
def historia(recibir, oficialia, obras, titular_obras, operativo_obras):
    escrito = recibir()
    flujo.turnar(escrito, obras, usuario=oficialia, instruccion="Atender")
    flujo.asignar(escrito, operativo_obras, usuario=titular_obras)
    return escrito


def _sin_proteccion():
    """What an attacker with database access would do first: drop the triggers."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")  # flush deferred FK checks
            cursor.execute(f"ALTER TABLE {TABLA} DISABLE TRIGGER bitacora_inmutable")
        else:
            cursor.execute("DROP TRIGGER bitacora_sin_update")


def test_chain_of_a_normal_history_verifies(historia, capsys):
    entradas = list(EntradaBitacora.objects.order_by("pk"))
    assert len(entradas) >= 5
    for anterior, siguiente in itertools.pairwise(entradas):
        assert siguiente.hash_anterior == anterior.hash
    call_command("bitacora_verificar")
    assert f"{len(entradas)} entradas verificadas" in capsys.readouterr().out


def test_entries_cannot_be_changed_or_deleted_through_django(historia):
    entrada = EntradaBitacora.objects.first()
    entrada.descripcion = "otra cosa"
    with pytest.raises(BitacoraInmutable):
        entrada.save()
    with pytest.raises(BitacoraInmutable):
        entrada.delete()


def test_the_database_refuses_updates_and_deletes(historia):
    sentencias = [f"UPDATE {TABLA} SET descripcion = 'x'"]
    if connection.vendor == "postgresql":  # SQLite has no TRUNCATE, so DELETE must stay open
        sentencias.append(f"DELETE FROM {TABLA}")
    for sql in sentencias:
        with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(sql)
    assert EntradaBitacora.objects.filter(descripcion="x").count() == 0


def test_tampering_is_detected_at_the_first_broken_link(historia):
    _sin_proteccion()
    victima = EntradaBitacora.objects.order_by("pk")[2]
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {TABLA} SET descripcion = %s WHERE id = %s", ["Nadie turnó nada", victima.pk]
        )
    with pytest.raises(CommandError, match=f"en la entrada {victima.pk}: su contenido no coincide"):
        call_command("bitacora_verificar")


def test_deleted_entry_is_detected(historia):
    _sin_proteccion()
    entradas = list(EntradaBitacora.objects.order_by("pk"))
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {TABLA} WHERE id = %s", [entradas[1].pk])
    with pytest.raises(CommandError, match=f"en la entrada {entradas[2].pk}: no enlaza"):
        call_command("bitacora_verificar")


def test_truncated_tail_is_detected(historia):
    _sin_proteccion()
    ultima = EntradaBitacora.objects.order_by("pk").last()
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {TABLA} WHERE id = %s", [ultima.pk])
    with pytest.raises(CommandError, match="al final"):
        call_command("bitacora_verificar")
