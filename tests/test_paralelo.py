"""How CI runs the suite: in pytest-xdist workers (`make pytest` passes `-n`), then a second
pass on SQLite with `--solo-bd`."""

import os
import subprocess
import sys

from tests.despliegue import RAIZ
from tests.paralelo import redis_del_worker


def test_each_worker_has_its_own_redis_database():
    url = "redis://:clave@127.0.0.1:6390/3"
    urls = {redis_del_worker(url, worker) for worker in ("gw0", "gw1", "gw2")}
    assert len(urls) == 3
    assert all(u.startswith("redis://:clave@127.0.0.1:6390/") for u in urls)
    assert redis_del_worker(url, None) == url  # one process: the URL as given
    assert redis_del_worker("redis://127.0.0.1", "gw1") != redis_del_worker(
        "redis://127.0.0.1", "gw0"
    )


def test_a_missing_service_still_fails_the_run_when_the_tests_run_in_workers():
    """FOLIO_REQUIRE_SERVICES=1 fails a service test in the worker that runs it, and the
    controller reports that failure: CI cannot pass with a skipped service test."""
    prueba = (
        "tests/documentos/test_limite_compartido.py::test_redis_counts_every_event_of_every_process"
    )
    entorno = {k: v for k, v in os.environ.items() if k not in ("REDIS_URL", "PYTEST_XDIST_WORKER")}
    hecho = subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-q", "-n", "2", prueba],
        cwd=RAIZ,
        env={**entorno, "FOLIO_REQUIRE_SERVICES": "1"},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert hecho.returncode == 1, hecho.stdout[-2000:]
    assert "FOLIO_REQUIRE_SERVICES=1 y falta un servicio" in hecho.stdout
    assert "1 error" in hecho.stdout.splitlines()[-1]  # failed in setup, not skipped


def test_the_second_pass_keeps_every_test_that_touches_the_database_and_only_those():
    archivos = [
        "tests/formatos/test_puro.py",  # a pure function
        "tests/cms/test_demo.py",  # django_db
        "tests/cms/test_seguridad_desplegada.py",  # Folio deployed on the suite's database
    ]
    hecho = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-p",
            "no:cacheprovider",
            "-q",
            "--co",
            "--solo-bd",
            *archivos,
        ],
        cwd=RAIZ,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert hecho.returncode == 0, hecho.stdout[-2000:]
    elegidas = {linea.split("::")[0] for linea in hecho.stdout.splitlines() if "::" in linea}
    assert elegidas == set(archivos[1:])
    assert "deselected" in hecho.stdout.splitlines()[-1]
