"""Windows calling "siguiente" at the same instant against a real PostgreSQL."""

import threading

import pytest
from django.db import connection, connections

from atencion import services
from atencion.models import Ficha, Ventanilla
from tests.factories import UsuarioFactory

FICHAS, VENTANILLAS, RONDAS = 30, 6, 6


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_parallel_calls_never_get_the_same_ticket(sede, servicios):
    tomadas = [services.tomar_ficha(servicios[n % 2], preferente=n % 5 == 0) for n in range(FICHAS)]
    ventanillas = []
    for numero in range(1, VENTANILLAS + 1):
        ventanilla = Ventanilla.objects.create(sede=sede, numero=numero)
        ventanilla.servicios.set(servicios)
        ventanillas.append(ventanilla)
    usuario = UsuarioFactory(username="ventanilla.concurrente")
    barrera = threading.Barrier(VENTANILLAS)
    llamadas, errores = [], []

    def llamar(ventanilla):
        try:
            for _ronda in range(RONDAS):
                barrera.wait()
                ficha = services.llamar_siguiente(ventanilla, usuario=usuario)
                if ficha is not None:
                    llamadas.append(ficha.pk)
        except BaseException as error:  # reported below
            errores.append(error)
        finally:
            connections.close_all()

    hilos = [threading.Thread(target=llamar, args=(v,)) for v in ventanillas]
    for hilo in hilos:
        hilo.start()
    for hilo in hilos:
        hilo.join()

    assert errores == []
    assert connection.vendor == "postgresql"
    assert len(llamadas) == len(set(llamadas)) == FICHAS, "each ticket called exactly once"
    assert sorted(llamadas) == sorted(f.pk for f in tomadas)
    assert not Ficha.objects.filter(estado=Ficha.Estado.EN_ESPERA).exists()
    assert all(f.llamadas == 1 for f in Ficha.objects.all())
