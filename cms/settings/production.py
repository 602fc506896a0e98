"""Production: everything that matters comes from the environment."""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .env import env_bool, env_cache, env_clave, env_int, env_str, env_url

DEBUG = False
SECRET_KEY = env_str("SECRET_KEY")
FOLIO_BITACORA_CLAVE = env_clave(
    "FOLIO_BITACORA_CLAVE",
    proposito=(
        "es la clave con que se encadena la bitácora (HMAC-SHA256). Genérela una sola vez "
        "(por ejemplo: python -c 'import secrets; print(secrets.token_urlsafe(48))'), "
        "guárdela como los demás secretos y no la cambie nunca: las entradas ya registradas "
        "solo se verifican con ella."
    ),
)
if FOLIO_BITACORA_CLAVE == SECRET_KEY:
    raise ImproperlyConfigured(
        "FOLIO_BITACORA_CLAVE debe ser distinta de SECRET_KEY: SECRET_KEY se puede rotar y "
        "la clave de la bitácora no cambia nunca."
    )
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SESSION_COOKIE_SECURE = env_bool("SESSION_COOKIE_SECURE", True)
CSRF_COOKIE_SECURE = env_bool("CSRF_COOKIE_SECURE", True)
# HSTS for a year by default; SECURE_HSTS_SECONDS=0 turns it off (e.g. while HTTPS is tested).
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", False)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
SECURE_CONTENT_TYPE_NOSNIFF = True

# Every process shares the throttles and statistics: the database unless CACHE_URL says Redis.
CACHES = {"default": env_cache("CACHE_URL", "db://folio_cache")}

# Printed acuses carry a QR to this address, and mails link to it: it cannot be guessed.
WAGTAILADMIN_BASE_URL = env_url(
    "WAGTAILADMIN_BASE_URL",
    requerida="la dirección pública de Folio (https://folio.ejemplo.gob.mx); los códigos QR "
    "de los acuses y los enlaces de los correos apuntan a ella.",
)
# Password resets must reach people: no silent default.
env_str("EMAIL_URL")

FOLIO_DJANGO_ADMIN = env_bool("FOLIO_DJANGO_ADMIN", False)
