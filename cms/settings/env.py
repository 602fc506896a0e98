"""Typed helpers that read settings from the environment.

Every setting that may change between installations goes through one of these,
so a bad value fails at start-up with a clear message instead of deep inside Django.
"""

import ipaddress
import os
import secrets
from pathlib import Path
from typing import NamedTuple
from urllib.parse import parse_qs, unquote, urlsplit

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

_TRUE = {"1", "true", "yes", "on", "si", "sí"}
_FALSE = {"0", "false", "no", "off", ""}


def env_str(name: str, default: str | None = None) -> str:
    value = os.environ.get(name)
    if value is None or value == "":
        if default is None:
            raise ImproperlyConfigured(f"Falta la variable de entorno {name}.")
        return default
    return value


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    lowered = value.strip().lower()
    if lowered in _TRUE:
        return True
    if lowered in _FALSE:
        return False
    raise ImproperlyConfigured(
        f"{name}={value!r} no es un valor booleano válido (use 1/0, true/false, yes/no)."
    )


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return default
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name}={value!r} debe ser un número entero.") from None


def env_list(name: str, default: list[str]) -> list[str]:
    value = os.environ.get(name)
    if value is None:
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


def env_opcion(name: str, default: str, opciones: set[str]) -> str:
    """One of a few words (`estricta|flexible`)."""
    value = os.environ.get(name, "").strip().lower() or default
    if value not in opciones:
        raise ImproperlyConfigured(
            f"{name}={value!r} no es válido: use {' o '.join(sorted(opciones))}."
        )
    return value


def env_mapping(name: str, default: dict[str, int]) -> dict[str, int]:
    """`clave=entero,clave=entero` into a dict of ints."""
    value = os.environ.get(name, "").strip()
    if not value:
        return dict(default)
    result = {}
    for item in value.split(","):
        key, sep, number = item.partition("=")
        if not sep or not key.strip() or not number.strip().isdigit():
            raise ImproperlyConfigured(
                f"{name} debe tener la forma clave=número,clave=número (error en {item!r})."
            )
        result[key.strip()] = int(number)
    return result


def env_path(name: str, default: Path) -> Path:
    value = os.environ.get(name)
    return Path(value).expanduser().resolve() if value else default


def env_archivo(name: str) -> Path | None:
    """A file that must exist when given (e.g. a certificate); unset or empty means none."""
    value = os.environ.get(name, "").strip()
    if not value:
        return None
    path = Path(value).expanduser().resolve()
    if not path.is_file():
        raise ImproperlyConfigured(f"{name}={value!r}: no existe ese archivo.")
    return path


_DATABASE_SCHEMES = {"sqlite", "postgres", "postgresql", "pgsql"}


def env_networks(name: str) -> list[ipaddress.IPv4Network | ipaddress.IPv6Network]:
    """Comma-separated networks (`10.0.0.0/8, 192.168.1.7`); empty means none."""
    redes = []
    for item in env_list(name, []):
        try:
            redes.append(ipaddress.ip_network(item, strict=False))
        except ValueError:
            raise ImproperlyConfigured(
                f"{name}: {item!r} no es una red válida (use por ejemplo 10.0.0.0/8)."
            ) from None
    return redes


def env_database(name: str, default: str) -> dict:
    """Parse a database URL (sqlite:///path or postgres://user:pass@host/db)."""
    url = os.environ.get(name) or default
    scheme = url.split("://", 1)[0] if "://" in url else ""
    if scheme not in _DATABASE_SCHEMES:
        raise ImproperlyConfigured(
            f"{name} no es una URL de base de datos válida: use "
            "sqlite:///ruta/al/archivo.sqlite3 o postgres://usuario:contraseña@servidor:5432/base "
            f"(se recibió el esquema {scheme!r})."
        )
    try:
        config = dj_database_url.parse(url, conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 0))
    except ValueError as exc:
        raise ImproperlyConfigured(f"{name} no es una URL de base de datos válida: {exc}") from exc
    if config["ENGINE"] == "django.db.backends.postgresql" and not config.get("NAME"):
        raise ImproperlyConfigured(f"{name} debe indicar el nombre de la base de datos.")
    return config


def env_url(name: str, *, requerida: str | None = None) -> str | None:
    """An http(s) URL; unset or empty means the feature is off, unless `requerida` says why
    it must be given (then a missing value stops start-up with that reason)."""
    value = os.environ.get(name, "").strip()
    if not value:
        if requerida:
            raise ImproperlyConfigured(f"Falta la variable de entorno {name}: {requerida}")
        return None
    if not value.startswith(("http://", "https://")):
        raise ImproperlyConfigured(f"{name}={value!r} debe empezar con http:// o https://.")
    return value.rstrip("/")


def env_cache(name: str, default: str) -> dict:
    """The default cache from a URL: `locmem://` (one process), `db://table` (the database,
    shared by every process) or `redis://host:6379/0` / `rediss://…` (Redis)."""
    url = os.environ.get(name, "").strip() or default
    partes = urlsplit(url)
    if partes.scheme == "locmem":
        return {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "folio"}
    if partes.scheme == "db":
        tabla = partes.netloc or partes.path.strip("/")
        if not tabla.isidentifier():
            raise ImproperlyConfigured(
                f"{name}={url!r}: indique la tabla de la caché, por ejemplo db://folio_cache."
            )
        return {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": tabla}
    if partes.scheme in {"redis", "rediss"} and partes.hostname:
        return {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": url}
    raise ImproperlyConfigured(
        f"{name} no es una URL de caché válida: use locmem://, db://tabla o "
        f"redis://servidor:6379/0 (se recibió el esquema {partes.scheme!r})."
    )


class Correo(NamedTuple):
    """Django's EMAIL_* settings, in this order."""

    backend: str
    host: str = "localhost"
    port: int = 25
    user: str = ""
    password: str = ""
    use_ssl: bool = False
    use_tls: bool = False
    timeout: int = 10


_EMAIL_OTROS = {
    "console": "django.core.mail.backends.console.EmailBackend",
    "locmem": "django.core.mail.backends.locmem.EmailBackend",
}


def env_email(name: str, default: str | None = None) -> Correo:
    """Mail settings from a URL: `smtp://user:password@host:587?starttls=1`, `smtps://…:465`
    (TLS from the start), or `console://` (print to the log)."""
    url = os.environ.get(name, "").strip() or default
    if url is None:
        raise ImproperlyConfigured(
            f"Falta la variable de entorno {name} (por ejemplo "
            "smtp://usuario:contraseña@servidor:587?starttls=1): sin ella no se pueden enviar "
            "correos como el de recuperación de contraseña."
        )
    partes = urlsplit(url)
    if partes.scheme in _EMAIL_OTROS:
        return Correo(_EMAIL_OTROS[partes.scheme])
    if partes.scheme not in {"smtp", "smtps"} or not partes.hostname:
        raise ImproperlyConfigured(
            f"{name} no es una URL de correo válida: use smtp://servidor:587, smtps://servidor:465 "
            f"o console:// (se recibió el esquema {partes.scheme!r})."
        )
    opciones = {k: v[-1].strip().lower() for k, v in parse_qs(partes.query).items()}
    try:
        puerto = partes.port or (465 if partes.scheme == "smtps" else 25)
        espera = int(opciones.get("timeout") or 10)
    except ValueError:
        raise ImproperlyConfigured(f"{name}: el puerto y timeout deben ser números.") from None
    return Correo(
        "django.core.mail.backends.smtp.EmailBackend",
        host=partes.hostname,
        port=puerto,
        user=unquote(partes.username or ""),
        password=unquote(partes.password or ""),
        use_ssl=partes.scheme == "smtps",
        use_tls=partes.scheme == "smtp" and opciones.get("starttls") in _TRUE,
        timeout=espera,
    )


def env_clave(name: str, *, proposito: str, minimo: int = 32) -> str:
    """A required secret of at least `minimo` characters; `proposito` tells the operator why."""
    value = os.environ.get(name, "")
    if not value.strip():
        raise ImproperlyConfigured(f"Falta la variable de entorno {name}: {proposito}")
    if len(value) < minimo:
        raise ImproperlyConfigured(f"{name} debe tener al menos {minimo} caracteres: {proposito}")
    return value


def dev_secret_key(path: Path) -> str:
    """A secret key generated once for this checkout and kept outside git."""
    if path.exists():
        return path.read_text().strip()
    path.parent.mkdir(parents=True, exist_ok=True)
    key = secrets.token_urlsafe(50)
    path.write_text(key)
    path.chmod(0o600)
    return key
