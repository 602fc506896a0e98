"""docker-compose.yml cannot run here (no Docker engine), so check what it promises."""

import re
import subprocess
import sys
import tomllib
from pathlib import Path
from urllib.parse import urlsplit

import elasticsearch
import pytest
import yaml
from django.conf import settings

from cms.settings.env import env_database

ROOT = Path(__file__).resolve().parent.parent
SETTINGS_FROM_ENV = (
    "SECRET_KEY",
    "FOLIO_BITACORA_CLAVE",
    "DATABASE_URL",
    "ELASTICSEARCH_URL",
    "CACHE_URL",
    "WAGTAILADMIN_BASE_URL",
    "EMAIL_URL",
    "MEDIA_ROOT",
    "ALLOWED_HOSTS",
)


@pytest.fixture(scope="module")
def compose():
    return yaml.safe_load((ROOT / "docker-compose.yml").read_text())


def _expand(value: str) -> str:
    """Replace ${VAR:-default} / ${VAR:?message} with a sample value, as compose would."""
    return re.sub(
        r"\$\{([A-Z_]+)(?::[-?][^}]*)?\}", lambda m: f"sample-{m.group(1).lower()}", value
    )


def test_every_service_the_settings_need_is_there(compose):
    services = compose["services"]
    assert {"postgres", "elasticsearch", "redis", "web", "worker", "worker-ocr"} <= set(services)
    for name in ("postgres", "elasticsearch", "redis", "web", "worker", "worker-ocr"):
        assert "healthcheck" in services[name], f"{name} needs a healthcheck"


@pytest.mark.parametrize("name", ["web", "worker", "worker-ocr", "migrate", "cron"])
def test_app_containers_get_their_settings_from_the_environment(compose, name, monkeypatch):
    service = compose["services"][name]
    env = service["environment"]
    assert env["DJANGO_SETTINGS_MODULE"] == "cms.settings.production"
    missing = [key for key in SETTINGS_FROM_ENV if key not in env]
    assert not missing, f"{name} lacks {missing}"

    monkeypatch.setenv("DATABASE_URL", _expand(env["DATABASE_URL"]))
    database = env_database("DATABASE_URL", "sqlite:///unused")
    assert database["ENGINE"] == "django.db.backends.postgresql"
    assert database["HOST"] in compose["services"]
    assert urlsplit(env["ELASTICSEARCH_URL"]).hostname in compose["services"]
    assert any(volume.endswith(":/data") for volume in service["volumes"])
    assert env["MEDIA_ROOT"].startswith("/data")
    assert env["PRIVATE_MEDIA_ROOT"].startswith("/data")


def test_secrets_are_not_committed(compose):
    text = (ROOT / "docker-compose.yml").read_text()
    assert "${SECRET_KEY:?" in text
    postgres_env = compose["services"]["postgres"]["environment"]
    assert postgres_env["POSTGRES_PASSWORD"].startswith("${POSTGRES_PASSWORD:?")
    assert postgres_env["POSTGRES_APP_PASSWORD"].startswith("${POSTGRES_APP_PASSWORD:?")
    for name in ("web", "worker", "migrate"):
        env = compose["services"][name]["environment"]
        assert env["FOLIO_BITACORA_CLAVE"].startswith("${FOLIO_BITACORA_CLAVE:?")


def _database_user(compose, name: str, monkeypatch) -> tuple[str, str]:
    url = _expand(compose["services"][name]["environment"]["DATABASE_URL"])
    monkeypatch.setenv("DATABASE_URL", url)
    database = env_database("DATABASE_URL", "sqlite:///unused")
    return database["USER"], database["PASSWORD"]


def test_migrate_runs_as_the_owner_and_the_app_as_the_app_role(compose, monkeypatch):
    postgres_env = compose["services"]["postgres"]["environment"]
    owner = (postgres_env["POSTGRES_USER"], _expand(postgres_env["POSTGRES_PASSWORD"]))
    app = ("folio_app", _expand(postgres_env["POSTGRES_APP_PASSWORD"]))
    assert _database_user(compose, "migrate", monkeypatch) == owner
    assert compose["services"]["migrate"]["environment"]["FOLIO_DB_ROL_APP"] == "folio_app"
    for name in ("web", "worker"):
        assert _database_user(compose, name, monkeypatch) == app
        assert not compose["services"][name]["environment"].get("FOLIO_DB_ROL_APP")


def test_postgres_creates_the_app_role_when_it_initialises(compose):
    montado = {}
    for volume in compose["services"]["postgres"]["volumes"]:
        origen, _, destino = volume.partition(":")
        montado[destino.removesuffix(":ro")] = origen
    scripts = {d: o for d, o in montado.items() if d.startswith("/docker-entrypoint-initdb.d/")}
    assert len(scripts) == 1, montado
    destino, origen = scripts.popitem()
    assert destino.endswith(".sh")
    script = (ROOT / origen).read_text()
    assert origen.startswith("./deploy/")
    assert "POSTGRES_APP_PASSWORD" in script
    assert re.search(r"CREATE ROLE :\"app\" LOGIN PASSWORD :'clave'", script)
    assert "app=folio_app" in script
    result = subprocess.run(["bash", "-n", ROOT / origen], capture_output=True, text=True)  # noqa: S607
    assert result.returncode == 0, result.stderr


def test_workers_run_each_queue_and_web_runs_gunicorn(compose):
    """Interactive tasks and OCR have their own workers: neither waits behind the other."""
    services = compose["services"]
    assert services["worker"]["command"][-3:] == ["db_worker", "--queue-name", "default"]
    assert services["worker-ocr"]["command"][-3:] == ["db_worker", "--queue-name", "ocr"]
    dockerfile = (ROOT / "Dockerfile").read_text()
    assert '"gunicorn", "cms.wsgi:application"' in dockerfile
    assert "tesseract-ocr-spa" in dockerfile


def test_elasticsearch_is_a_memory_limited_single_node_of_the_client_major(compose):
    es = compose["services"]["elasticsearch"]
    assert es["environment"]["discovery.type"] == "single-node"
    assert "-Xmx" in es["environment"]["ES_JAVA_OPTS"]
    assert es["mem_limit"]
    image_version = es["image"].rsplit(":", 1)[1]
    assert image_version.split(".")[0] == str(elasticsearch.__versionstr__).split(".")[0]
    assert {"pgdata", "esdata", "media"} <= set(compose["volumes"])


def test_elasticsearch_image_has_the_dictionary_the_analysis_uses(compose):
    from busqueda.backends.elasticsearch.mapeo import _hunspell

    locale = _hunspell.get_definition()["locale"]
    build = compose["services"]["elasticsearch"]["build"]
    dockerfile = (ROOT / build["context"] / build["dockerfile"]).read_text()
    assert "hunspell-es" in dockerfile
    assert f"/usr/share/elasticsearch/config/hunspell/{locale}/" in dockerfile
    version = compose["services"]["elasticsearch"]["image"].rsplit(":", 1)[1]
    assert f"elasticsearch/elasticsearch:{version}" in dockerfile


def test_the_image_copies_every_package_setuptools_installs():
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text())
    paquetes = {
        p.rstrip("*") for p in pyproject["tool"]["setuptools"]["packages"]["find"]["include"]
    }
    copiados = set(re.findall(r"^COPY (\w+) \1$", (ROOT / "Dockerfile").read_text(), re.M))
    assert paquetes <= copiados
    # every app of the project itself is a package the image holds (atencion once was not)
    propias = {
        a.split(".")[0] for a in settings.INSTALLED_APPS if (ROOT / a.split(".")[0]).is_dir()
    }
    assert propias <= paquetes


def test_the_image_build_gives_production_settings_every_required_variable(tmp_path):
    """collectstatic runs with cms.settings.production while the image is built."""
    dockerfile = (ROOT / "Dockerfile").read_text().replace("\\\n", " ")
    linea = next(line for line in dockerfile.splitlines() if "manage.py collectstatic" in line)
    variables = dict(re.findall(r"\b([A-Z_]+)=(\S+)", linea))
    env = {"PATH": "/usr/bin:/bin", "FOLIO_VAR_DIR": str(tmp_path), **variables}
    result = subprocess.run(
        [sys.executable, "-c", "import cms.settings.production"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr


def test_every_process_shares_the_redis_cache(compose, monkeypatch):
    from cms.settings.env import env_cache

    valor = compose["services"]["web"]["environment"]["CACHE_URL"]
    por_defecto = re.fullmatch(r"\$\{CACHE_URL:-(.+)\}", valor).group(1)
    monkeypatch.setenv("CACHE_URL", por_defecto)
    cache = env_cache("CACHE_URL", "locmem://")
    assert cache["BACKEND"].endswith("RedisCache")
    assert urlsplit(cache["LOCATION"]).hostname == "redis"


def test_cron_runs_the_periodic_commands_every_15_minutes(compose):
    """django-tasks has no schedule: the daily anchor (idempotent, so every round may try) and
    the re-queueing of lost notifications run from a loop in the app image."""
    cron = compose["services"]["cron"]
    assert cron["build"] == "." and cron["init"] is True
    assert cron["command"][:2] == ["sh", "-c"]
    script = cron["command"][2]
    ronda = re.search(r"while true; do\n(.*)\ndone", script, re.S).group(1)
    comandos = re.findall(r"python manage\.py (\w+)", ronda)
    assert {"bitacora_anclar", "notificaciones_reencolar"} <= set(comandos)
    assert re.search(r"^\s*sleep 900$", ronda, re.M)
    assert "set -e" not in script  # one failing command does not stop the others
    assert "$" not in script  # compose would interpolate it
    result = subprocess.run(["sh", "-n", "-c", script], capture_output=True, text=True)  # noqa: S607
    assert result.returncode == 0, result.stderr
    from django.core.management import get_commands

    assert set(comandos) <= set(get_commands())


def test_only_cron_holds_the_sello_and_it_is_optional(compose, monkeypatch, tmp_path):
    """The seal's key is mounted read-only where the anchor is signed, nowhere else; unset,
    the settings still load (a deploy warning, documentos.W001, says what is missing)."""
    from cms.settings.env import env_archivo

    cron = compose["services"]["cron"]
    env = cron["environment"]
    assert env["FOLIO_SELLO_P12"] == "${FOLIO_SELLO_P12:-}"
    assert env["FOLIO_SELLO_CLAVE"] == "${FOLIO_SELLO_CLAVE:-}"
    montado = dict(v.split(":", 1) for v in cron["volumes"])
    assert montado["./sello"] == "/run/folio/sello:ro"
    assert "/run/folio/sello/" in (ROOT / "docker-compose.yml").read_text()
    monkeypatch.setenv("FOLIO_SELLO_P12", "")
    assert env_archivo("FOLIO_SELLO_P12") is None
    for name in ("web", "worker", "worker-ocr", "migrate"):
        service = compose["services"][name]
        assert "FOLIO_SELLO_P12" not in service["environment"], name
        assert not any("sello" in v for v in service["volumes"]), name


@pytest.mark.parametrize(("megas", "bytes_"), [("8", 8 * 1024 * 1024), ("0", 0)])
def test_sqlite_connections_use_wal_and_the_memory_map_the_environment_sets(
    tmp_path, megas, bytes_
):
    codigo = (
        "import django; django.setup(); from django.db import connection; "
        "c = connection.cursor(); c.execute('PRAGMA journal_mode'); print(c.fetchone()[0]); "
        "c.execute('PRAGMA mmap_size'); print(c.fetchone()[0])"
    )
    env = {
        "PATH": "/usr/bin:/bin",
        "FOLIO_VAR_DIR": str(tmp_path),
        "DJANGO_SETTINGS_MODULE": "cms.settings.test",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'folio.sqlite3'}",
        "FOLIO_SQLITE_MMAP_MB": megas,
    }
    result = subprocess.run(
        [sys.executable, "-c", codigo], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["wal", str(bytes_)]
