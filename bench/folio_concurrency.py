"""Folio allocation under concurrency: N intakes in parallel threads vs one after another.

Times the intake itself (validation, stored and checksummed file, folio, bitácora); the OCR
and search tasks it enqueues are only queued, as a worker would run them later.
Runs against DATABASE_URL (use PostgreSQL) in a throwaway test database:
    DATABASE_URL=postgres://... .venv/bin/python bench/folio_concurrency.py [N]
"""

import os
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.test")

import django

django.setup()

from django.db import connection, connections  # noqa: E402
from django.test import override_settings  # noqa: E402
from django.test.utils import setup_databases, teardown_databases  # noqa: E402

from tests.factories import UsuarioFactory, datos_recepcion  # noqa: E402


def main(n: int) -> None:
    from cms import roles
    from documentos.models import Escrito
    from documentos.services.recepcion import recibir_escrito

    estado = setup_databases(verbosity=0, interactive=False)
    try:
        usuario = UsuarioFactory(username="bench", roles=[roles.OFICIALIA])
        inicio = time.perf_counter()
        for i in range(n):
            recibir_escrito(datos_recepcion(asunto=f"Secuencial {i}"), usuario=usuario)
        secuencial = time.perf_counter() - inicio

        barrera = threading.Barrier(n)
        errores = []

        def uno(i):
            try:
                barrera.wait()
                recibir_escrito(datos_recepcion(asunto=f"Paralelo {i}"), usuario=usuario)
            except Exception as error:  # reported below
                errores.append(error)
            finally:
                connections.close_all()

        hilos = [threading.Thread(target=uno, args=(i,)) for i in range(n)]
        inicio = time.perf_counter()
        for hilo in hilos:
            hilo.start()
        for hilo in hilos:
            hilo.join()
        paralelo = time.perf_counter() - inicio

        consecutivos = sorted(Escrito.objects.values_list("consecutivo", flat=True))
        completos = consecutivos == list(range(1, 2 * n + 1))
        print(f"database: {connection.vendor}")
        print(f"sequential: {n} intakes in {secuencial:.2f} s ({n / secuencial:.1f}/s)")
        print(
            f"parallel:   {n} threads in {paralelo:.2f} s ({n / paralelo:.1f}/s), errors: {len(errores)}"
        )
        print(f"folios 1..{2 * n} consecutive with no gap or repeat: {completos}")
        print(f"ratio parallel/sequential time: {paralelo / secuencial:.2f}")
    finally:
        teardown_databases(estado, verbosity=0)


# OCR and indexing run later in workers, as in production: the dummy backend only records them.
EN_COLA = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}

if __name__ == "__main__":
    with override_settings(TASKS=EN_COLA):
        main(int(sys.argv[1]) if len(sys.argv) > 1 else 50)
