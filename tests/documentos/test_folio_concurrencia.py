"""50 intakes at once against a real PostgreSQL: 50 distinct, consecutive folios."""

import threading

import pytest
from django.db import connection, connections

from documentos.models import Escrito
from documentos.services.recepcion import recibir_escrito
from tests.factories import datos_recepcion

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

INTAKES = 50


def test_parallel_intakes_get_distinct_consecutive_folios(oficialia):
    barrera = threading.Barrier(INTAKES)
    errores: list[BaseException] = []

    def recibir(n: int) -> None:
        try:
            barrera.wait()
            recibir_escrito(datos_recepcion(asunto=f"Escrito simultáneo {n}"), usuario=oficialia)
        except BaseException as error:  # reported below
            errores.append(error)
        finally:
            connections.close_all()

    hilos = [threading.Thread(target=recibir, args=(n,)) for n in range(INTAKES)]
    for hilo in hilos:
        hilo.start()
    for hilo in hilos:
        hilo.join()

    assert errores == []
    assert connection.vendor == "postgresql"
    consecutivos = sorted(Escrito.objects.values_list("consecutivo", flat=True))
    assert consecutivos == list(range(1, INTAKES + 1))
    assert Escrito.objects.values("folio").distinct().count() == INTAKES
