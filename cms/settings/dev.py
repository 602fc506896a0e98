"""Local development: `make run`. Embedded defaults, nothing to configure."""

from .base import *  # noqa: F403
from .base import VAR_DIR
from .env import dev_secret_key, env_bool

DEBUG = env_bool("DEBUG", True)
SECRET_KEY = dev_secret_key(VAR_DIR / "secret_key")
FOLIO_BITACORA_CLAVE = dev_secret_key(VAR_DIR / "bitacora_clave")
INTERNAL_IPS = ["127.0.0.1"]
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True
