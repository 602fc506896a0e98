"""Production: everything that matters comes from the environment."""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .env import env_bool, env_clave, env_int, env_str

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
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0)
SECURE_CONTENT_TYPE_NOSNIFF = True
