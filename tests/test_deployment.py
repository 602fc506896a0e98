"""docker-compose.yml cannot run here (no Docker engine), so check what it promises."""

import re
import tomllib
from pathlib import Path
from urllib.parse import urlsplit

import elasticsearch
import pytest
import yaml

from cms.settings.env import env_database

ROOT = Path(__file__).resolve().parent.parent
SETTINGS_FROM_ENV = (
    "SECRET_KEY",
    "DATABASE_URL",
    "ELASTICSEARCH_URL",
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
    assert {"postgres", "elasticsearch", "web", "worker"} <= set(services)
    for name in ("postgres", "elasticsearch", "web", "worker"):
        assert "healthcheck" in services[name], f"{name} needs a healthcheck"


@pytest.mark.parametrize("name", ["web", "worker", "migrate"])
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


def test_worker_runs_the_task_queue_and_web_runs_gunicorn(compose):
    assert compose["services"]["worker"]["command"][-1] == "db_worker"
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
    from busqueda.backends.elasticsearch import _hunspell

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
