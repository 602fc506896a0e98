import json
import subprocess
import sys

import pytest
from django.core.exceptions import ImproperlyConfigured

from cms.settings.env import (
    env_bool,
    env_cache,
    env_database,
    env_email,
    env_int,
    env_list,
    env_networks,
    env_opcion,
    env_url,
)


@pytest.mark.parametrize(
    "url",
    ["mysql://u:p@h/db", "not a url", "postgres//missing-colon", "ftp://x/y"],
)
def test_bad_database_url_gives_a_clear_spanish_error(monkeypatch, url):
    monkeypatch.setenv("DATABASE_URL", url)
    with pytest.raises(ImproperlyConfigured, match="DATABASE_URL no es una URL de base de datos"):
        env_database("DATABASE_URL", "sqlite:///x.sqlite3")


def test_postgres_url_without_database_name_is_refused(monkeypatch):
    monkeypatch.setenv("DATABASE_URL", "postgres://folio:secret@db:5432")
    with pytest.raises(ImproperlyConfigured, match="nombre de la base de datos"):
        env_database("DATABASE_URL", "sqlite:///x.sqlite3")


def test_postgres_url_is_parsed(monkeypatch):
    monkeypatch.setenv("DATABASE_URL", "postgres://folio:secret@db.example:6543/archivo")
    config = env_database("DATABASE_URL", "sqlite:///x.sqlite3")
    assert config["ENGINE"] == "django.db.backends.postgresql"
    assert (config["HOST"], config["PORT"], config["NAME"]) == ("db.example", 6543, "archivo")
    assert (config["USER"], config["PASSWORD"]) == ("folio", "secret")


def test_database_defaults_to_sqlite_file(monkeypatch, tmp_path):
    monkeypatch.delenv("DATABASE_URL", raising=False)
    config = env_database("DATABASE_URL", f"sqlite:///{tmp_path / 'folio.sqlite3'}")
    assert config["ENGINE"] == "django.db.backends.sqlite3"
    assert config["NAME"] == str(tmp_path / "folio.sqlite3")


@pytest.mark.parametrize(("raw", "expected"), [("1", True), ("Sí", True), ("off", False)])
def test_env_bool(monkeypatch, raw, expected):
    monkeypatch.setenv("FOLIO_FLAG", raw)
    assert env_bool("FOLIO_FLAG") is expected


def test_env_bool_rejects_garbage(monkeypatch):
    monkeypatch.setenv("FOLIO_FLAG", "quizá")
    with pytest.raises(ImproperlyConfigured, match="no es un valor booleano"):
        env_bool("FOLIO_FLAG")


def test_env_int_and_list(monkeypatch):
    monkeypatch.setenv("FOLIO_N", "abc")
    with pytest.raises(ImproperlyConfigured, match="número entero"):
        env_int("FOLIO_N", 1)
    monkeypatch.setenv("ALLOWED_HOSTS", "folio.gob.mx, www.folio.gob.mx ,")
    assert env_list("ALLOWED_HOSTS", []) == ["folio.gob.mx", "www.folio.gob.mx"]


def test_elasticsearch_url_must_be_http(monkeypatch):
    monkeypatch.setenv("ELASTICSEARCH_URL", "127.0.0.1:9200")
    with pytest.raises(ImproperlyConfigured, match="http://"):
        env_url("ELASTICSEARCH_URL")
    monkeypatch.setenv("ELASTICSEARCH_URL", "http://127.0.0.1:9200/")
    assert env_url("ELASTICSEARCH_URL") == "http://127.0.0.1:9200"
    monkeypatch.setenv("ELASTICSEARCH_URL", "")
    assert env_url("ELASTICSEARCH_URL") is None


def _import_settings(module, env, imprimir="s.SECRET_KEY[:4], s.TIME_ZONE, s.LANGUAGE_CODE"):
    """Import a settings module in a fresh interpreter; returns the completed process."""
    code = f"import {module} as s; print({imprimir})"
    return subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=False
    )


def test_production_requires_secret_key(tmp_path):
    env = {"PATH": "/usr/bin:/bin", "FOLIO_VAR_DIR": str(tmp_path)}
    result = _import_settings("cms.settings.production", env)
    assert result.returncode != 0
    assert "Falta la variable de entorno SECRET_KEY" in result.stderr

    env["SECRET_KEY"] = "k" * 50
    env["FOLIO_BITACORA_CLAVE"] = "b" * 40
    env["WAGTAILADMIN_BASE_URL"] = "https://folio.example.gob.mx"
    env["EMAIL_URL"] = "smtp://correo.example.gob.mx:587?starttls=1"
    env["TIME_ZONE"] = "America/Bogota"
    env["LANGUAGE_CODE"] = "es-co"
    result = _import_settings("cms.settings.production", env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["kkkk", "America/Bogota", "es-co"]


def test_dev_generates_a_secret_key_once_outside_git(tmp_path):
    env = {"PATH": "/usr/bin:/bin", "FOLIO_VAR_DIR": str(tmp_path)}
    first = _import_settings("cms.settings.dev", env)
    second = _import_settings("cms.settings.dev", env)
    assert first.returncode == 0, first.stderr
    assert first.stdout == second.stdout
    assert len((tmp_path / "secret_key").read_text()) >= 50
    assert first.stdout.split()[1:] == ["America/Mexico_City", "es-mx"]


def _produccion(tmp_path, **variables):
    env = {
        "PATH": "/usr/bin:/bin",
        "FOLIO_VAR_DIR": str(tmp_path),
        "SECRET_KEY": "k" * 50,
        "FOLIO_BITACORA_CLAVE": "b" * 40,
        "WAGTAILADMIN_BASE_URL": "https://folio.example.gob.mx",
        "EMAIL_URL": "smtp://correo.example.gob.mx:587",
        **variables,
    }
    return {k: v for k, v in env.items() if v is not None}


@pytest.mark.parametrize(
    ("falta", "mensaje"),
    [
        ("WAGTAILADMIN_BASE_URL", "códigos QR"),
        ("EMAIL_URL", "Falta la variable de entorno EMAIL_URL"),
    ],
)
def test_production_requires_its_public_address_and_a_mail_server(tmp_path, falta, mensaje):
    result = _import_settings("cms.settings.production", _produccion(tmp_path, **{falta: None}))
    assert result.returncode != 0
    assert f"Falta la variable de entorno {falta}" in result.stderr and mensaje in result.stderr


def test_production_requires_a_bitacora_key_that_is_not_the_secret_key(tmp_path):
    env = _produccion(tmp_path, FOLIO_BITACORA_CLAVE=None)
    result = _import_settings("cms.settings.production", env, "s.FOLIO_BITACORA_CLAVE")
    assert result.returncode != 0
    assert "Falta la variable de entorno FOLIO_BITACORA_CLAVE" in result.stderr
    assert "no la cambie nunca" in result.stderr

    env["FOLIO_BITACORA_CLAVE"] = "corta"
    result = _import_settings("cms.settings.production", env, "s.FOLIO_BITACORA_CLAVE")
    assert result.returncode != 0
    assert "FOLIO_BITACORA_CLAVE debe tener al menos 32 caracteres" in result.stderr

    env["FOLIO_BITACORA_CLAVE"] = env["SECRET_KEY"]
    result = _import_settings("cms.settings.production", env, "s.FOLIO_BITACORA_CLAVE")
    assert result.returncode != 0
    assert "FOLIO_BITACORA_CLAVE debe ser distinta de SECRET_KEY" in result.stderr

    env["FOLIO_BITACORA_CLAVE"] = "b" * 40
    result = _import_settings("cms.settings.production", env, "s.FOLIO_BITACORA_CLAVE")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "b" * 40


def test_dev_generates_a_bitacora_key_once_apart_from_the_secret_key(tmp_path):
    env = {"PATH": "/usr/bin:/bin", "FOLIO_VAR_DIR": str(tmp_path)}
    imprimir = "s.FOLIO_BITACORA_CLAVE, s.SECRET_KEY"
    first = _import_settings("cms.settings.dev", env, imprimir)
    second = _import_settings("cms.settings.dev", env, imprimir)
    assert first.returncode == 0, first.stderr
    assert first.stdout == second.stdout
    clave, secret_key = first.stdout.split()
    assert clave == (tmp_path / "bitacora_clave").read_text()
    assert len(clave) >= 32
    assert clave != secret_key


def _ajuste(modulo, env, nombre):
    code = f"import json, {modulo} as s; print(json.dumps(s.{nombre}, default=str))"
    hecho = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=False
    )
    assert hecho.returncode == 0, hecho.stderr
    return json.loads(hecho.stdout)


def test_production_shares_its_cache_and_turns_hsts_and_djangos_admin_on_and_off(tmp_path):
    env = _produccion(tmp_path)
    assert _ajuste("cms.settings.production", env, "CACHES")["default"] == {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "folio_cache",
    }
    assert _ajuste("cms.settings.production", env, "SECURE_HSTS_SECONDS") == 31_536_000
    assert _ajuste("cms.settings.production", env, "FOLIO_DJANGO_ADMIN") is False
    apagado = _produccion(tmp_path, SECURE_HSTS_SECONDS="0", FOLIO_DJANGO_ADMIN="1")
    assert _ajuste("cms.settings.production", apagado, "SECURE_HSTS_SECONDS") == 0
    assert _ajuste("cms.settings.production", apagado, "FOLIO_DJANGO_ADMIN") is True
    # One process in development: local memory.
    dev = {"PATH": "/usr/bin:/bin", "FOLIO_VAR_DIR": str(tmp_path)}
    assert _ajuste("cms.settings.dev", dev, "CACHES")["default"]["BACKEND"].endswith("LocMemCache")


@pytest.mark.parametrize(
    ("url", "backend", "location"),
    [
        ("locmem://", "locmem.LocMemCache", "folio"),
        ("db://folio_cache", "db.DatabaseCache", "folio_cache"),
        ("redis://cache.interno:6379/2", "redis.RedisCache", "redis://cache.interno:6379/2"),
        ("rediss://:secreto@cache.interno:6380/0", "redis.RedisCache", None),
    ],
)
def test_cache_url(monkeypatch, url, backend, location):
    monkeypatch.setenv("CACHE_URL", url)
    config = env_cache("CACHE_URL", "locmem://")
    assert config["BACKEND"] == f"django.core.cache.backends.{backend}"
    assert config["LOCATION"] == (location or url)


@pytest.mark.parametrize("url", ["memcached://x:11211", "db://", "db://a-b", "redis://", "x"])
def test_bad_cache_url_gives_a_clear_spanish_error(monkeypatch, url):
    monkeypatch.setenv("CACHE_URL", url)
    with pytest.raises(ImproperlyConfigured, match="CACHE_URL"):
        env_cache("CACHE_URL", "locmem://")


def test_email_url(monkeypatch):
    monkeypatch.setenv("EMAIL_URL", "smtp://oficialia%40gob.mx:cla%2Fve@smtp.gob.mx:587?starttls=1")
    correo = env_email("EMAIL_URL")
    assert correo.backend == "django.core.mail.backends.smtp.EmailBackend"
    assert (correo.host, correo.port, correo.user, correo.password) == (
        "smtp.gob.mx",
        587,
        "oficialia@gob.mx",
        "cla/ve",
    )
    assert (correo.use_tls, correo.use_ssl) == (True, False)
    monkeypatch.setenv("EMAIL_URL", "smtps://smtp.gob.mx")
    assert (env_email("EMAIL_URL").port, env_email("EMAIL_URL").use_ssl) == (465, True)
    monkeypatch.setenv("EMAIL_URL", "console://")
    assert env_email("EMAIL_URL").backend.endswith("console.EmailBackend")
    for malo in ("http://smtp.gob.mx", "smtp://", "smtp://h:puerto"):
        monkeypatch.setenv("EMAIL_URL", malo)
        with pytest.raises(ImproperlyConfigured, match="EMAIL_URL"):
            env_email("EMAIL_URL")


def test_networks(monkeypatch):
    monkeypatch.setenv("FOLIO_DJANGO_ADMIN_REDES", "10.0.0.0/8, 192.168.1.7")
    assert [str(r) for r in env_networks("FOLIO_DJANGO_ADMIN_REDES")] == [
        "10.0.0.0/8",
        "192.168.1.7/32",
    ]
    monkeypatch.setenv("FOLIO_DJANGO_ADMIN_REDES", "10.0.0.0/33")
    with pytest.raises(ImproperlyConfigured, match="no es una red válida"):
        env_networks("FOLIO_DJANGO_ADMIN_REDES")


def test_the_sello_is_a_file_that_must_exist_and_only_dev_falls_back_to_a_demo(tmp_path):
    imprimir = "s.FOLIO_SELLO_P12, s.FOLIO_SELLO_DEMO, bool(s.FOLIO_SELLO_CLAVE)"
    falta = _import_settings(
        "cms.settings.production", _produccion(tmp_path, FOLIO_SELLO_P12="/no/existe.p12")
    )
    assert falta.returncode != 0
    assert "FOLIO_SELLO_P12='/no/existe.p12': no existe ese archivo." in falta.stderr
    (tmp_path / "sello.p12").write_bytes(b"x")
    dado = _produccion(tmp_path, FOLIO_SELLO_P12=str(tmp_path / "sello.p12"), FOLIO_SELLO_CLAVE="c")
    result = _import_settings("cms.settings.production", dado, imprimir)
    assert result.stdout.split() == [str(tmp_path / "sello.p12"), "None", "True"]
    # Production never makes a demo sello: bitacora_anclar then says what to configure.
    result = _import_settings("cms.settings.production", _produccion(tmp_path), imprimir)
    assert result.stdout.split() == ["None", "None", "False"]
    dev = {"PATH": "/usr/bin:/bin", "FOLIO_VAR_DIR": str(tmp_path)}
    result = _import_settings("cms.settings.dev", dev, imprimir)
    assert result.stdout.split() == ["None", str(tmp_path / "sello-demo-NO-VALIDO.p12"), "True"]
    assert (tmp_path / "sello-demo-clave").stat().st_mode & 0o777 == 0o600
    result = _import_settings("cms.settings.dev", {**dev, **dado}, imprimir)
    assert result.stdout.split() == [str(tmp_path / "sello.p12"), "None", "True"]


def test_env_opcion(monkeypatch):
    opciones = {"estricta", "flexible"}
    monkeypatch.delenv("FOLIO_FIRMA_REVOCACION", raising=False)
    assert env_opcion("FOLIO_FIRMA_REVOCACION", "estricta", opciones) == "estricta"
    monkeypatch.setenv("FOLIO_FIRMA_REVOCACION", " Flexible ")
    assert env_opcion("FOLIO_FIRMA_REVOCACION", "estricta", opciones) == "flexible"
    monkeypatch.setenv("FOLIO_FIRMA_REVOCACION", "a veces")
    with pytest.raises(ImproperlyConfigured, match="use estricta o flexible"):
        env_opcion("FOLIO_FIRMA_REVOCACION", "estricta", opciones)
