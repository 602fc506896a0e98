"""The counter behind the throttles, shared by several processes through a real cache."""

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.despliegue import RAIZ

PROCESOS, EVENTOS = 3, 15
# Each process waits for the same instant, then counts as fast as it can.
CONTAR = """
import json, os, sys, time, django
django.setup()
from documentos.views.comun import Limite
limite = Limite("compartido", maximo=int(sys.argv[2]), ventana_segundos=300)
time.sleep(max(0, float(sys.argv[1]) - time.time()))
print(json.dumps([limite.sumar(sys.argv[4]) for _ in range(int(sys.argv[3]))]))
"""


def _contar_en_procesos(cache_url: str, tmp_path: Path, maximo: int) -> list[int]:
    entorno = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.dev",
        "FOLIO_VAR_DIR": str(tmp_path),
        "DATABASE_URL": f"sqlite:///{tmp_path / 'folio.sqlite3'}",
        "CACHE_URL": cache_url,
    }
    if cache_url.startswith("db://"):
        subprocess.run(
            [sys.executable, "manage.py", "createcachetable"], cwd=RAIZ, env=entorno, check=True
        )
    inicio = str(time.time() + 4)  # time for every interpreter to start
    procesos = [
        subprocess.Popen(
            [sys.executable, "-c", CONTAR, inicio, str(maximo), str(EVENTOS), str(tmp_path)],
            cwd=RAIZ,
            env=entorno,
            stdout=subprocess.PIPE,
            text=True,
        )
        for _ in range(PROCESOS)
    ]
    numeros = []
    for proceso in procesos:
        salida, _ = proceso.communicate(timeout=120)
        assert proceso.returncode == 0
        numeros += json.loads(salida)
    return numeros


def _probar(cache_url, tmp_path):
    # Room for every event: each gets its own number, none lost or counted twice.
    assert sorted(_contar_en_procesos(cache_url, tmp_path, PROCESOS * EVENTOS)) == list(
        range(1, PROCESOS * EVENTOS + 1)
    )
    # A smaller limit: exactly `maximo` events fit, whoever sends them.
    (tmp_path / "lleno").mkdir()
    numeros = _contar_en_procesos(cache_url, tmp_path / "lleno", 20)
    assert sorted(n for n in numeros if n <= 20) == list(range(1, 21))


def test_the_database_cache_counts_every_event_of_every_process(tmp_path):
    _probar("db://folio_cache", tmp_path)


@pytest.mark.redis
def test_redis_counts_every_event_of_every_process(tmp_path):
    _probar(os.environ["REDIS_URL"], tmp_path)
