"""Response times of the portal's home and statistics pages (p50/p95, warm cache).

Serves the app with gunicorn (one worker, one thread) on 127.0.0.1 against the database in
DATABASE_URL (default: var/folio.sqlite3 after `make demo`), warms the caches, then times N
sequential requests per URL. A static file served by whitenoise from the same server is the
baseline: the ratio says how much the page costs over the bare HTTP round trip.

    .venv/bin/python bench/portal_tiempos.py [--n 200] [--port 8599]
"""

import argparse
import os
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

RAIZ = Path(__file__).resolve().parents[1]
RUTAS = {
    "estático (línea base)": "/static/css/folio.css",
    "inicio": "/",
    "estadísticas": "/transparencia/estadisticas/",
    "API estadísticas (JSON)": "/api/estadisticas/",
    "catálogo de trámites": "/tramites/",
    "plan anticorrupción": "/transparencia/plan/",
}


def pedir(url: str) -> float:
    inicio = time.perf_counter()
    with urllib.request.urlopen(url, timeout=30) as respuesta:  # noqa: S310 (local server)
        respuesta.read()
        if respuesta.status != 200:
            raise SystemExit(f"{url}: HTTP {respuesta.status}")
    return (time.perf_counter() - inicio) * 1000


def percentil(valores: list[float], p: float) -> float:
    orden = sorted(valores)
    k = (len(orden) - 1) * p
    bajo = int(k)
    alto = min(bajo + 1, len(orden) - 1)
    return orden[bajo] + (orden[alto] - orden[bajo]) * (k - bajo)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=200)
    parser.add_argument("--port", type=int, default=8599)
    args = parser.parse_args()
    entorno = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.dev",
        "DEBUG": "0",
    }
    # Production-like static files: hashed names from the manifest (DEBUG off).
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=RAIZ,
        env=entorno,
        check=True,
    )
    servidor = subprocess.Popen(
        [
            str(RAIZ / ".venv/bin/gunicorn"),
            "cms.wsgi",
            "--bind",
            f"127.0.0.1:{args.port}",
            "--workers",
            "1",
            "--threads",
            "1",
            "--log-level",
            "warning",
        ],
        cwd=RAIZ,
        env=entorno,
    )
    base = f"http://127.0.0.1:{args.port}"
    try:
        for _ in range(100):
            try:
                pedir(base + RUTAS["estático (línea base)"])
                break
            except OSError:
                time.sleep(0.1)
        resultados = {}
        for nombre, ruta in RUTAS.items():
            for _ in range(10):  # warm the page, fragment and statistics caches
                pedir(base + ruta)
            tiempos = [pedir(base + ruta) for _ in range(args.n)]
            resultados[nombre] = (statistics.median(tiempos), percentil(tiempos, 0.95))
        linea_base = resultados["estático (línea base)"][0]
        print(
            f"{args.n} peticiones secuenciales por URL, caché caliente, gunicorn 1 proceso 1 hilo, {sys.platform}"
        )
        print(f"{'página':28} {'p50 ms':>8} {'p95 ms':>8} {'p50 / estático':>15}")
        for nombre, (p50, p95) in resultados.items():
            print(f"{nombre:28} {p50:8.1f} {p95:8.1f} {p50 / linea_base:15.1f}")
    finally:
        servidor.terminate()
        servidor.wait(timeout=10)


if __name__ == "__main__":
    main()
