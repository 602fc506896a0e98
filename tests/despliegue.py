"""Folio as it runs in production, for tests from the outside.

`Despliegue.arrancar()` builds a throwaway installation: production settings, its own
database (a SQLite file, or a fresh PostgreSQL database when the suite runs on PostgreSQL,
migrated by the owner role and served by the app role, as in production),
the database cache (the production default), collected static files, a little seeded data
and gunicorn with several workers, its access log written with each worker's pid. Tests
talk to it over HTTP only.
"""

import json
import os
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

RAIZ = Path(__file__).resolve().parent.parent
WORKERS = 3
HOST_PUBLICO = "folio.ejemplo.gob.mx"
CLAVE_OFICIALIA = "clave-de-ventanilla-2026"
USUARIO_BLOQUEABLE = "intentos"  # for the login-throttle tests only


def puerto_libre() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


ROL_APP = os.environ.get("FOLIO_DB_APP_USUARIO", "folio_app")
CLAVE_ROL_APP = os.environ.get("FOLIO_DB_APP_CLAVE", "folio_app")


def _base_postgres(database: dict) -> tuple[str, str, callable]:
    """A fresh database on the suite's PostgreSQL server: the owner's URL (migrations), the
    app role's URL (gunicorn, as in production) and a function that drops it."""
    import psycopg

    nombre = f"folio_despliegue_{secrets.token_hex(4)}"
    conexion = dict(
        host=database["HOST"] or "127.0.0.1",
        port=database["PORT"] or 5432,
        user=database["USER"],
        password=database["PASSWORD"],
        dbname="postgres",
        autocommit=True,
    )
    with psycopg.connect(**conexion) as c:
        c.execute(f'CREATE DATABASE "{nombre}"')

    def borrar():
        with psycopg.connect(**conexion) as c:
            c.execute(f'DROP DATABASE IF EXISTS "{nombre}" WITH (FORCE)')

    servidor = f"{conexion['host']}:{conexion['port']}/{nombre}"
    return (
        f"postgres://{database['USER']}:{database['PASSWORD']}@{servidor}",
        f"postgres://{ROL_APP}:{CLAVE_ROL_APP}@{servidor}",
        borrar,
    )


@dataclass
class Despliegue:
    directorio: Path
    url: str = ""
    entorno: dict = field(default_factory=dict)
    datos: dict = field(default_factory=dict)
    proceso: subprocess.Popen | None = None
    _limpiar: list = field(default_factory=list)

    @property
    def log_acceso(self) -> Path:
        return self.directorio / "acceso.log"

    @property
    def log_errores(self) -> Path:
        return self.directorio / "errores.log"

    @classmethod
    def arrancar(cls, directorio: Path, database: dict, extra: dict | None = None):
        """`extra`: more environment variables (e.g. EMAIL_URL of a test mail server)."""
        self = cls(directorio)
        if database["ENGINE"] == "django.db.backends.postgresql":
            url_bd, url_app, borrar = _base_postgres(database)
            self._limpiar.append(borrar)
        else:
            url_bd = url_app = f"sqlite:///{directorio / 'folio.sqlite3'}"
        puerto = puerto_libre()
        self.url = f"http://127.0.0.1:{puerto}"
        self.entorno = {
            **{k: v for k, v in os.environ.items() if not k.startswith(("FOLIO_", "DJANGO_"))},
            "DJANGO_SETTINGS_MODULE": "cms.settings.production",
            "SECRET_KEY": secrets.token_urlsafe(40),
            "FOLIO_BITACORA_CLAVE": secrets.token_urlsafe(40),
            "DATABASE_URL": url_app,
            "CACHE_URL": "db://folio_cache",
            "ALLOWED_HOSTS": f"127.0.0.1,{HOST_PUBLICO}",
            "WAGTAILADMIN_BASE_URL": f"https://{HOST_PUBLICO}",
            "EMAIL_URL": "console://",
            "SECURE_SSL_REDIRECT": "false",
            "SESSION_COOKIE_SECURE": "false",
            "CSRF_COOKIE_SECURE": "false",
            "FOLIO_VAR_DIR": str(directorio / "var"),
            "MEDIA_ROOT": str(directorio / "media"),
            "PRIVATE_MEDIA_ROOT": str(directorio / "privado"),
            "STATIC_ROOT": str(directorio / "static"),
            "OMP_THREAD_LIMIT": "1",
            **(extra or {}),
        }
        self.entorno.pop("ELASTICSEARCH_URL", None)
        # Migrations run as the owner, which grants the app role what it may do.
        propietario = {**self.entorno, "DATABASE_URL": url_bd}
        if url_app != url_bd:
            propietario["FOLIO_DB_ROL_APP"] = ROL_APP
        try:
            self._preparar(propietario)
            self._servir(puerto)
        except BaseException:
            self.detener()
            raise
        return self

    def manage(self, *argumentos: str, entorno: dict | None = None) -> str:
        """Run a management command in the deployment; its stdout, or its stderr as error."""
        hecho = subprocess.run(
            [sys.executable, "manage.py", *argumentos],
            cwd=RAIZ,
            env=entorno or self.entorno,
            capture_output=True,
            text=True,
        )
        if hecho.returncode:
            raise RuntimeError(f"manage.py {argumentos[0]} falló:\n{hecho.stderr[-3000:]}")
        return hecho.stdout

    def _preparar(self, propietario: dict) -> None:
        # Migrating and collecting static files are independent: run them side by side.
        estaticos = subprocess.Popen(
            [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
            cwd=RAIZ,
            env=self.entorno,
            stderr=subprocess.PIPE,
            text=True,
        )
        self.manage("migrate", "--noinput", "-v0", entorno=propietario)
        if estaticos.wait() != 0:
            raise RuntimeError(f"collectstatic falló: {estaticos.stderr.read()}")
        salida = self.manage("shell", "-c", "from tests.despliegue import sembrar; sembrar()")
        self.datos = json.loads(salida.strip().splitlines()[-1])

    def _servir(self, puerto: int) -> None:
        self.proceso = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "cms.wsgi:application",
                f"--workers={WORKERS}",
                f"--bind=127.0.0.1:{puerto}",
                f"--access-logfile={self.log_acceso}",
                '--access-logformat=%(p)s %(h)s "%(r)s" %(s)s',
                f"--error-logfile={self.log_errores}",
                "--capture-output",
                "--timeout=60",
            ],
            cwd=RAIZ,
            env=self.entorno,
            start_new_session=True,
        )
        limite = time.monotonic() + 60
        while time.monotonic() < limite:
            if self.proceso.poll() is not None:
                raise RuntimeError(f"gunicorn terminó: {self.log_errores.read_text()}")
            try:
                urllib.request.urlopen(self.url + "/oficialia/consulta/", timeout=20)
                return
            except OSError:  # not listening yet, or a worker still booting
                time.sleep(0.3)
        raise RuntimeError("gunicorn no respondió en 60 s")

    def detener(self) -> None:
        if self.proceso is not None and self.proceso.poll() is None:
            os.killpg(self.proceso.pid, signal.SIGTERM)
            try:
                self.proceso.wait(20)
            except subprocess.TimeoutExpired:
                os.killpg(self.proceso.pid, signal.SIGKILL)
        for limpiar in self._limpiar:
            limpiar()

    def log_con(self, texto: str, segundos: float = 10) -> str:
        """The access log once it holds `texto` (gunicorn writes a line after it answers)."""
        limite = time.monotonic() + segundos
        while texto not in (log := self.log_acceso.read_text()) and time.monotonic() < limite:
            time.sleep(0.1)
        return log


def navegador(ip: str = "127.0.0.1"):
    """A requests session whose connections come from `ip` (any 127.x.y.z on Linux), so
    each test has its own client address for the per-address limits."""
    import requests
    from requests.adapters import HTTPAdapter

    class DesdeIP(HTTPAdapter):
        def init_poolmanager(self, *args, **kwargs):
            kwargs["source_address"] = (ip, 0)
            super().init_poolmanager(*args, **kwargs)

    sesion = requests.Session()
    sesion.mount("http://", DesdeIP())
    return sesion


def token_csrf(html: str) -> str:
    import re

    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)


def sembrar() -> None:
    """Run inside the deployment (manage.py shell): an área, a clerk and one escrito received
    at the window. Prints what the tests need as one JSON line."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    from cms import roles
    from documentos.models import Area
    from documentos.services.recepcion import recibir_escrito
    from tests.factories import datos_recepcion

    Area.objects.create(nombre="Obras Públicas", siglas="OBP")
    clerk = get_user_model().objects.create_user(
        "ventanilla", "ventanilla@ejemplo.gob.mx", CLAVE_OFICIALIA
    )
    clerk.groups.add(Group.objects.get(name=roles.OFICIALIA))
    get_user_model().objects.create_user(
        USUARIO_BLOQUEABLE, "intentos@ejemplo.gob.mx", CLAVE_OFICIALIA, is_staff=True
    ).groups.add(Group.objects.get(name=roles.OFICIALIA))
    escrito = recibir_escrito(datos_recepcion(), usuario=clerk, ip="10.0.0.7")
    print(
        json.dumps(
            {
                "escrito_id": escrito.pk,
                "folio": escrito.folio,
                "codigo": escrito.codigo_acceso,
                "usuario": clerk.username,
                "clave": CLAVE_OFICIALIA,
            }
        )
    )
