"""Local development: `make run`. Embedded defaults, nothing to configure."""

from .base import *  # noqa: F403
from .base import FOLIO_FIRMA_RAICES, FOLIO_SELLO_P12, MIDDLEWARE, VAR_DIR
from .env import dev_secret_key, env_bool

DEBUG = env_bool("DEBUG", True)
SECRET_KEY = dev_secret_key(VAR_DIR / "secret_key")
FOLIO_BITACORA_CLAVE = dev_secret_key(VAR_DIR / "bitacora_clave")
if FOLIO_SELLO_P12 is None:
    # A self-signed sello made on first use (documentos.services.sello), not valid for legal use.
    FOLIO_SELLO_DEMO = VAR_DIR / "sello-demo-NO-VALIDO.p12"
    FOLIO_SELLO_CLAVE = dev_secret_key(VAR_DIR / "sello-demo-clave")
# The demo PKI `make demo` writes (documentos.firma.demo), trusted only when no authority
# is configured; its certificates say they are not valid for legal use.
FOLIO_FIRMA_DEMO = VAR_DIR / "firma-demo"
if not FOLIO_FIRMA_RAICES:
    FOLIO_FIRMA_RAICES = [str(FOLIO_FIRMA_DEMO / "ac-demo.pem")]
INTERNAL_IPS = ["127.0.0.1"]
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True
# A 404 shows Folio's page, not Django's technical one (add ?tecnico=1 to see that).
MIDDLEWARE = [*MIDDLEWARE, "cms.errores.PaginaNoEncontradaEnDesarrollo"]
