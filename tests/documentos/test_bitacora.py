import io
import itertools

import pytest
from django.core.management import CommandError, call_command
from django.db import DatabaseError, connection, transaction
from django.db.models import F
from django.utils import timezone

from documentos.models import CadenaBitacora, EntradaBitacora
from documentos.models.bitacora import BitacoraInmutable
from documentos.services import bitacora, flujo
from tests.factories import hash_sin_clave

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


def _entradas(n=8) -> list[EntradaBitacora]:
    return [
        bitacora.registrar(EntradaBitacora.Accion.EDICION, f"Cambio número {i}") for i in range(n)
    ]


def _alterar(entrada, descripcion="Nadie turnó nada"):
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {TABLA} SET descripcion = %s WHERE id = %s", [descripcion, entrada.pk]
        )


def _borrar(entrada):
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {TABLA} WHERE id = %s", [entrada.pk])


def _forjar(**cambios) -> EntradaBitacora:
    """Append a lie as someone with INSERT rights and no key would: a copy of the last entry,
    linked to it, with a correct plain sha256, and the chain head moved to it."""
    ultima = EntradaBitacora.objects.order_by("pk").last()
    forjada = EntradaBitacora.objects.get(pk=ultima.pk)
    forjada.pk = None
    forjada.fecha = timezone.now()
    forjada.descripcion = "Concluyó el escrito: se atendió la petición"
    forjada.hash_anterior = ultima.hash
    for campo, valor in cambios.items():
        setattr(forjada, campo, valor)
    forjada.hash = hash_sin_clave(forjada)
    forjada.save()
    CadenaBitacora.objects.filter(pk=1).update(ultimo_hash=forjada.hash, entradas=F("entradas") + 1)
    return forjada


def _rupturas(resultado) -> list[tuple[int | None, str]]:
    return [(ruptura.entrada_id, ruptura.tipo) for ruptura in resultado.rupturas]


def test_an_entry_forged_with_a_correct_unkeyed_hash_is_detected(historia):
    forjada = _forjar()
    resultado = bitacora.verificar_cadena()
    assert not resultado.integra
    assert _rupturas(resultado) == [(forjada.pk, "contenido")]


def test_an_unkeyed_entry_after_keyed_ones_is_a_break(historia):
    forjada = _forjar(version=1)  # the old, unkeyed kind: its plain sha256 is right
    resultado = bitacora.verificar_cadena()
    assert not resultado.integra
    assert _rupturas(resultado) == [(forjada.pk, "version")]
    assert "sin clave" in resultado.rupturas[0].motivo


def test_every_break_is_reported_and_verification_resyncs_after_each(db):
    e = _entradas(8)
    _sin_proteccion()
    _alterar(e[1])
    _alterar(e[3], "Otra descripción")
    _borrar(e[5])  # in the middle: e[6] no longer links
    _borrar(e[7])  # the tail
    resultado = bitacora.verificar_cadena()
    assert not resultado.integra
    assert resultado.revisadas == 6
    assert _rupturas(resultado) == [
        (e[1].pk, "contenido"),
        (e[3].pk, "contenido"),
        (e[6].pk, "enlace"),
        (None, "final"),
    ]


def test_a_deleted_first_entry_breaks_the_link_of_the_second(db):
    e = _entradas(3)
    _sin_proteccion()
    _borrar(e[0])
    assert _rupturas(bitacora.verificar_cadena()) == [(e[1].pk, "enlace")]


def test_a_head_that_counts_other_entries_is_a_break(db):
    _entradas(3)
    CadenaBitacora.objects.filter(pk=1).update(entradas=F("entradas") + 2)
    resultado = bitacora.verificar_cadena()
    assert _rupturas(resultado) == [(None, "cuenta")]
    assert resultado.rupturas[0].motivo == "la cabeza de la cadena cuenta 5 entradas y hay 3"


def test_the_command_prints_every_break_and_fails(db):
    e = _entradas(8)
    _sin_proteccion()
    _alterar(e[1])
    _alterar(e[3])
    _borrar(e[5])
    _borrar(e[7])
    errores = io.StringIO()
    with pytest.raises(CommandError, match="4 rupturas en 6 entradas revisadas"):
        call_command("bitacora_verificar", stderr=errores)
    lineas = errores.getvalue().splitlines()
    assert lineas == [
        f"Entrada {e[1].pk}: su contenido no coincide con su hash"
        " (se alteró o no la registró Folio).",
        f"Entrada {e[3].pk}: su contenido no coincide con su hash"
        " (se alteró o no la registró Folio).",
        f"Entrada {e[6].pk}: no enlaza con la entrada anterior"
        " (se borró o alteró una entrada previa).",
        "Al final de la cadena: faltan entradas"
        " (la cabeza de la cadena no coincide con la última entrada).",
    ]


def test_triggers_exist_after_migrating():
    """Adding a column makes Django rebuild the table on SQLite, which drops its triggers."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT tgname, tgenabled FROM pg_trigger"
                " WHERE tgrelid = %s::regclass AND NOT tgisinternal",
                [TABLA],
            )
            assert cursor.fetchall() == [("bitacora_inmutable", "O")]
        else:
            cursor.execute(
                "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = %s", [TABLA]
            )
            assert cursor.fetchall() == [("bitacora_sin_update",)]


def test_new_entries_are_keyed(db, settings):
    entrada = bitacora.registrar(EntradaBitacora.Accion.EDICION, "Con clave")
    assert entrada.version == 2
    assert entrada.hash != hash_sin_clave(entrada)
    settings.FOLIO_BITACORA_CLAVE = "otra-clave-que-no-es-la-de-la-instalacion"
    assert _rupturas(bitacora.verificar_cadena()) == [(entrada.pk, "contenido")]
