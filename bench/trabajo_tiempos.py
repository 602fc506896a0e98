"""Staff page times with a full office: the dashboard, the bandeja and an escrito page.

Builds (once) a database with the demo (`folio_demo`: users, áreas, roles) plus N escritos
spread over the demo áreas and states, turned and assigned as a real office has them, then
serves the app with gunicorn (one worker, one thread, DEBUG off) and times sequential requests
as each role, logged in through a real session. A static file from the same server is the
baseline: the ratio says what the page costs over the bare HTTP round trip.

    .venv/bin/python bench/trabajo_tiempos.py [--n 10000] [--peticiones 30] [--port 8598]

The database goes to FOLIO_BENCH_DIR (default /tmp/folio-bench-trabajo), SQLite unless
DATABASE_URL says otherwise.
"""

import argparse
import os
import random
import statistics
import subprocess
import sys
import time
import urllib.request
from datetime import timedelta
from pathlib import Path

RAIZ = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(RAIZ))

USUARIOS = {
    "oficialía (operativo.ofp)": "operativo.ofp",
    "titular de área (titular.dop)": "titular.dop",
    "operativo de área (operativo.dop)": "operativo.dop",
    "contraloría (titular.con)": "titular.con",
}


def configurar(n: int) -> dict:
    directorio = Path(os.environ.get("FOLIO_BENCH_DIR", "/tmp/folio-bench-trabajo"))  # noqa: S108
    directorio.mkdir(parents=True, exist_ok=True)
    entorno = {
        "DJANGO_SETTINGS_MODULE": "cms.settings.dev",
        "FOLIO_VAR_DIR": str(directorio),
        "DEBUG": "0",
        "DATABASE_URL": os.environ.get(
            "DATABASE_URL", f"sqlite:///{directorio}/trabajo-{n}.sqlite3"
        ),
    }
    os.environ.update(entorno)
    import django

    django.setup()
    return entorno


def generar(n: int) -> None:
    """The demo plus N escritos by bulk inserts (skipped when already there)."""
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.utils import timezone

    from documentos.models import Area, Asignacion, Escrito, Tema, Turno

    call_command("migrate", verbosity=0)
    if not Area.objects.exists():
        call_command("folio_demo", force=True, verbosity=0)
    hecho = Escrito.objects.filter(folio__startswith="OP-T-").count()
    if hecho >= n:
        return
    azar = random.Random(20261202)
    areas = list(Area.objects.exclude(siglas="OFP"))
    temas = list(Tema.objects.all()) or [None]
    personal = {a.pk: list(a.personal.all()) for a in areas}
    clerk = get_user_model().objects.get(username="operativo.ofp")
    E = Escrito.Estado
    ahora = timezone.now()
    inicio = time.perf_counter()
    while hecho < n:
        lote = []
        for i in range(hecho, min(n, hecho + 2000)):
            estado = azar.choices(
                [E.RECIBIDO, E.TURNADO, E.EN_ATENCION, E.RESPONDIDO, E.CONCLUIDO],
                [5, 15, 20, 10, 50],
            )[0]
            recibido = ahora - timedelta(minutes=53 * (n - i))
            lote.append(
                Escrito(
                    folio=f"OP-T-{i + 1:07d}",
                    anio=recibido.year,
                    consecutivo=900000 + i,
                    tipo=azar.choice(Escrito.Tipo.values),
                    canal=azar.choice(Escrito.Canal.values),
                    remitente_tipo="fisica",
                    remitente_nombre=f"Remitente {i}",
                    asunto=f"Solicitud número {i} sobre servicios públicos de la colonia",
                    tema=azar.choice(temas),
                    recibido_en=recibido,
                    clasificacion=Escrito.Clasificacion.PUBLICA,
                    estado=estado,
                    area_responsable=None if estado == E.RECIBIDO else azar.choice(areas),
                    vence_en=(recibido + timedelta(days=21)).date(),
                    codigo_acceso="BENCH",
                )
            )
        Escrito.objects.bulk_create(lote, batch_size=500)
        creados = Escrito.objects.filter(consecutivo__gte=900000 + hecho, folio__startswith="OP-T-")
        turnos, asignaciones = [], []
        for escrito in creados.exclude(area_responsable=None):
            turnos.append(
                Turno(
                    escrito=escrito,
                    a_area_id=escrito.area_responsable_id,
                    vigente=True,
                    turnado_por=clerk,
                )
            )
            gente = personal[escrito.area_responsable_id]
            if escrito.estado != E.TURNADO and gente:
                asignaciones.append(
                    Asignacion(
                        escrito=escrito,
                        area_id=escrito.area_responsable_id,
                        asignado_a=azar.choice(gente),
                        asignado_por=gente[0],
                    )
                )
        Turno.objects.bulk_create(turnos, batch_size=500)
        Asignacion.objects.bulk_create(asignaciones, batch_size=500)
        hecho += len(lote)
        print(f"  escritos: {hecho}/{n}", file=sys.stderr, end="\r")
    print(f"escritos: {n} en {time.perf_counter() - inicio:.0f} s", file=sys.stderr)


def sesion(username: str) -> str:
    """A logged-in session's key, as if the user had signed in at /admin/login/."""
    from django.contrib.auth import (
        BACKEND_SESSION_KEY,
        HASH_SESSION_KEY,
        SESSION_KEY,
        get_user_model,
    )
    from django.contrib.sessions.backends.db import SessionStore

    usuario = get_user_model().objects.get(username=username)
    almacen = SessionStore()
    almacen[SESSION_KEY] = str(usuario.pk)
    almacen[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    almacen[HASH_SESSION_KEY] = usuario.get_session_auth_hash()
    almacen.create()
    return almacen.session_key


def rutas() -> dict[str, str]:
    from documentos.models import Escrito

    escrito = (
        Escrito.objects.filter(archivos__isnull=False, area_responsable__siglas="DOP")
        .order_by("-recibido_en")
        .first()
    )
    return {
        "estático (línea base)": "/static/css/folio.css",
        "inicio del admin (Mi trabajo)": "/admin/",
        "bandeja (por defecto)": "/admin/documentos/bandeja/",
        "bandeja, búsqueda": "/admin/documentos/bandeja/?q=colonia",
        "bandeja, página 20": "/admin/documentos/bandeja/?p=20",
        "página del escrito": f"/admin/documentos/escritos/{escrito.pk}/",
    }


def pedir(url: str, cookie: str) -> float:
    peticion = urllib.request.Request(url, headers={"Cookie": f"sessionid={cookie}"})  # noqa: S310
    inicio = time.perf_counter()
    with urllib.request.urlopen(peticion, timeout=60) as respuesta:  # noqa: S310 (local server)
        respuesta.read()
        if respuesta.status != 200 or "/login/" in respuesta.url:
            raise SystemExit(f"{url}: HTTP {respuesta.status} {respuesta.url}")
    return (time.perf_counter() - inicio) * 1000


def percentil(valores: list[float], p: float) -> float:
    orden = sorted(valores)
    k = (len(orden) - 1) * p
    bajo = int(k)
    alto = min(bajo + 1, len(orden) - 1)
    return orden[bajo] + (orden[alto] - orden[bajo]) * (k - bajo)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, default=10000)
    parser.add_argument("--peticiones", type=int, default=30)
    parser.add_argument("--port", type=int, default=8598)
    args = parser.parse_args()
    entorno = {**os.environ, **configurar(args.n)}
    generar(args.n)
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=RAIZ,
        env=entorno,
        check=True,
    )
    cookies = {nombre: sesion(u) for nombre, u in USUARIOS.items()}
    urls = rutas()
    gunicorn = Path(sys.executable).with_name("gunicorn")
    servidor = subprocess.Popen(
        [
            *(str(gunicorn), "cms.wsgi", "--bind", f"127.0.0.1:{args.port}"),
            *("--workers", "1", "--threads", "1", "--log-level", "warning", "--timeout", "120"),
        ],
        cwd=RAIZ,
        env=entorno,
    )
    base = f"http://127.0.0.1:{args.port}"
    try:
        for _ in range(100):
            try:
                pedir(base + urls["estático (línea base)"], "")
                break
            except OSError:
                time.sleep(0.2)
        print(
            f"{args.n} escritos más la demo; {args.peticiones} peticiones secuenciales por URL "
            f"y usuario; gunicorn 1 proceso 1 hilo; {entorno['DATABASE_URL'].split(':')[0]}"
        )
        print(f"{'usuario':34} {'página':30} {'p50 ms':>8} {'p95 ms':>8} {'p50/estático':>13}")
        estatico = statistics.median(
            pedir(base + urls["estático (línea base)"], "") for _ in range(args.peticiones)
        )
        for nombre, cookie in cookies.items():
            for pagina, ruta in urls.items():
                if ruta.startswith("/static/"):
                    continue
                pedir(base + ruta, cookie)  # warm
                tiempos = [pedir(base + ruta, cookie) for _ in range(args.peticiones)]
                p50 = statistics.median(tiempos)
                print(
                    f"{nombre:34} {pagina:30} {p50:8.1f} {percentil(tiempos, 0.95):8.1f}"
                    f" {p50 / estatico:13.1f}"
                )
        print(f"estático (línea base): p50 {estatico:.1f} ms")
    finally:
        servidor.terminate()
        try:
            servidor.wait(timeout=30)
        except subprocess.TimeoutExpired:
            servidor.kill()


if __name__ == "__main__":
    main()
