"""Claves opened at the same time never repeat (PostgreSQL: SQLite serialises writers)."""

import threading

import pytest
from django.db import connection

from archivo import services
from tests.factories import AreaFactory, UsuarioFactory

from .fabricas import CatalogoVersionFactory, ReglaFactory, SerieFactory

# serialized_rollback, as the other concurrency tests: a plain transactional teardown re-creates
# the content types, which the next serialized test would then restore a second time.
pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_abrir_a_la_vez_no_repite_claves():
    obras = AreaFactory(siglas="DOP")
    serie = SerieFactory(codigo="3S.1")
    ReglaFactory(version=CatalogoVersionFactory(), serie=serie)
    usuario = UsuarioFactory()
    inicio = threading.Barrier(6)
    claves, errores = [], []

    def uno():
        try:
            inicio.wait()
            expediente = services.abrir_expediente(obras, serie, None, "Oficios", usuario=usuario)
            claves.append(expediente.clave)
        except Exception as error:
            errores.append(error)
        finally:
            connection.close()

    hilos = [threading.Thread(target=uno) for _ in range(6)]
    for hilo in hilos:
        hilo.start()
    for hilo in hilos:
        hilo.join()
    assert not errores
    assert len(set(claves)) == 6
