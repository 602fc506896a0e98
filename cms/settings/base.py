"""Settings shared by every environment. Values that vary come from the environment."""

from datetime import timedelta
from pathlib import Path

from csp.constants import NONE, SELF
from django.utils.translation import gettext_lazy as _

from .env import (
    env_archivo,
    env_bool,
    env_cache,
    env_database,
    env_email,
    env_int,
    env_list,
    env_mapping,
    env_networks,
    env_opcion,
    env_path,
    env_str,
    env_url,
)

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = env_path("FOLIO_VAR_DIR", BASE_DIR / "var")

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "cms",
    "documentos",
    "archivo",
    "ocr",
    "busqueda",
    "atencion",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail.api.v2",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "rest_framework",
    "drf_spectacular",
    "filer",
    "easy_thumbnails",
    "django_tasks",
    "django_tasks_db",
    "axes",
    "csp",
    "cms.seguridad.AdminDjangoConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "cms.seguridad.PoliticaDeContenido",
    "cms.seguridad.AdminDjangoRestringido",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "cms.urls"
WSGI_APPLICATION = "cms.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# Database: a SQLite file under var/ unless DATABASE_URL says otherwise.
DATABASES = {"default": env_database("DATABASE_URL", f"sqlite:///{VAR_DIR / 'folio.sqlite3'}")}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the web process read while the task worker writes. Memory-mapped reads
    # (shared by every process through the OS page cache) spare a copy of each page read:
    # search scans of the full-text index and its rows get about a third faster at 100k.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": (
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; "
            f"PRAGMA mmap_size={env_int('FOLIO_SQLITE_MMAP_MB', 256) * 1024 * 1024};"
        ),
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
# PostgreSQL: the role the web and the workers log in as. When set, every `migrate` (run as
# the owner role) grants it the tables, but only SELECT and INSERT on the bitácora.
FOLIO_DB_ROL_APP = env_str("FOLIO_DB_ROL_APP", "")

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Language and time: Spanish (Mexico) by default.
LANGUAGE_CODE = env_str("LANGUAGE_CODE", "es-mx")
LANGUAGES = [("es", _("Español"))]
TIME_ZONE = env_str("TIME_ZONE", "America/Mexico_City")
USE_I18N = True
USE_TZ = True
# Wagtail's Spanish catalog lacks some admin strings and uses tú in others: locale/es has
# Folio's own translations of them (in usted), which take precedence (README, admin in Spanish).
LOCALE_PATHS = [BASE_DIR / "locale"]

# Static and uploaded files.
STATIC_URL = "/static/"
STATIC_ROOT = env_path("STATIC_ROOT", VAR_DIR / "static")
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = env_path("MEDIA_ROOT", VAR_DIR / "media")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
FILE_UPLOAD_PERMISSIONS = 0o640
# Uploads stream to temporary files (none is held in memory); documentos.subidas stops
# reading a request once its files pass FOLIO_MAX_ENVIO_MB in total.
FILE_UPLOAD_HANDLERS = [
    "documentos.subidas.LimiteDeEnvio",
    "django.core.files.uploadhandler.TemporaryFileUploadHandler",
]
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Cache: throttles and statistics. One process in development; production shares it between
# every process (the database by default, Redis when CACHE_URL says so).
CACHES = {"default": env_cache("CACHE_URL", "locmem://")}

# Mail (password resets): printed to the console unless EMAIL_URL names an SMTP server.
(
    EMAIL_BACKEND,
    EMAIL_HOST,
    EMAIL_PORT,
    EMAIL_HOST_USER,
    EMAIL_HOST_PASSWORD,
    EMAIL_USE_SSL,
    EMAIL_USE_TLS,
    EMAIL_TIMEOUT,
) = env_email("EMAIL_URL", "console://")
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Folio <no-responder@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Background work: django-tasks with its database backend (`manage.py db_worker`). OCR has its
# own queue and workers, so interactive work (search updates, page indexing) never waits on it.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default", "ocr"]}}

# Search: Elasticsearch when ELASTICSEARCH_URL is set, else the database fallback.
ELASTICSEARCH_URL = env_url("ELASTICSEARCH_URL")
ELASTICSEARCH_INDEX_PREFIX = env_str("ELASTICSEARCH_INDEX_PREFIX", "folio")
# The database backend counts (total, facets) up to this many matches, then says "más de N".
BUSQUEDA_UMBRAL_CUENTA = env_int("FOLIO_BUSQUEDA_UMBRAL_CUENTA", 10_000)
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}

# Wagtail.
WAGTAIL_SITE_NAME = env_str("FOLIO_SITE_NAME", "Folio")
# The installation's public address: links in mails and the acuse's QR point there.
WAGTAILADMIN_BASE_URL = env_url("WAGTAILADMIN_BASE_URL") or "http://127.0.0.1:8000"
WAGTAIL_I18N_ENABLED = False
WAGTAILADMIN_PERMITTED_LANGUAGES = [("es", "Español")]
# Staff avatars: Wagtail's built-in one (no request to Gravatar, no broken images offline).
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# The "Wagtail upgrade available" notice is for developers, not for staff.
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAILADMIN_USER_LOGIN_FORM = "cms.forms_admin.FormularioIngreso"
WAGTAILADMIN_USER_PASSWORD_RESET_FORM = "cms.forms_admin.FormularioRecuperacion"  # noqa: S105
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "xlsx", "ods", "txt", "zip"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = env_int("WAGTAILDOCS_MAX_UPLOAD_SIZE", 20 * 1024 * 1024)


# django-filer keeps scans of escritos in private storage, served only through Folio's
# permission-checked views (never under MEDIA_URL).
def filer_storages(private_root: Path) -> dict:
    storage = "filer.storage.PrivateFileSystemStorage"
    return {
        "private": {
            "main": {
                "ENGINE": storage,
                "OPTIONS": {"location": str(private_root / "archivos"), "base_url": "/privado/"},
            },
            "thumbnails": {
                "ENGINE": storage,
                "OPTIONS": {
                    "location": str(private_root / "miniaturas"),
                    "base_url": "/privado/m/",
                },
            },
        }
    }


PRIVATE_MEDIA_ROOT = env_path("PRIVATE_MEDIA_ROOT", VAR_DIR / "privado")
FILER_STORAGES = filer_storages(PRIVATE_MEDIA_ROOT)
FILER_ENABLE_PERMISSIONS = True
FILER_CANONICAL_URL = "archivo/"
THUMBNAIL_HIGH_RESOLUTION = True

LOGIN_URL = "wagtailadmin_login"

# Login throttling (django-axes, counted in the database so every process sees the same
# numbers): after FOLIO_INGRESO_MAX_FALLOS failures an account, and separately an address,
# is locked for FOLIO_INGRESO_BLOQUEO_MIN minutes.
AXES_FAILURE_LIMIT = env_int("FOLIO_INGRESO_MAX_FALLOS", 10)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("FOLIO_INGRESO_BLOQUEO_MIN", 15))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "cms.seguridad.respuesta_bloqueo"
AXES_CLIENT_IP_CALLABLE = "documentos.views.comun.ip_cliente"
AXES_VERBOSE = False
AXES_ENABLE_ADMIN = False

# Django's own admin (django-filer's folders live there): superusers only, from the networks
# in FOLIO_DJANGO_ADMIN_REDES when given. Production turns it off unless FOLIO_DJANGO_ADMIN=1.
FOLIO_DJANGO_ADMIN = env_bool("FOLIO_DJANGO_ADMIN", True)
FOLIO_DJANGO_ADMIN_REDES = env_networks("FOLIO_DJANGO_ADMIN_REDES")

# Content-Security-Policy (django-csp): nothing inline, nothing from other hosts. The Wagtail
# admin still ships inline scripts and styles, so under /admin/ those are allowed
# (cms.seguridad.PoliticaDeContenido).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        # data: the acuse's QR; blob: the drop zone's previews of the files being chosen.
        "img-src": [SELF, "data:", "blob:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [SELF],
    }
}
PERMISSIONS_POLICY = {
    "accelerometer": [],
    "camera": [],
    "geolocation": [],
    "gyroscope": [],
    "magnetometer": [],
    "microphone": [],
    "payment": [],
    "usb": [],
}
SECURE_REFERRER_POLICY = "same-origin"

# Oficialía de Partes (documentos). Legal terms per tipo, in business days; see README.
FOLIO_PREFIJO = env_str("FOLIO_PREFIJO", "OP")
FOLIO_PAIS = env_str("FOLIO_PAIS", "MX")
FOLIO_SUBDIVISION = env_str("FOLIO_SUBDIVISION", "") or None
FOLIO_PLAZOS = env_mapping("FOLIO_PLAZOS", {})
FOLIO_DIAS_POR_VENCER = env_int("FOLIO_DIAS_POR_VENCER", 3)
FOLIO_MAX_ARCHIVO_MB = env_int("FOLIO_MAX_ARCHIVO_MB", 30)
FOLIO_MAX_ENVIO_MB = env_int("FOLIO_MAX_ENVIO_MB", 60)
FOLIO_MAX_PAGINAS = env_int("FOLIO_MAX_PAGINAS", 500)
FOLIO_MAX_PIXELES = env_int("FOLIO_MAX_PIXELES", 80_000_000)
FOLIO_VENTANA_DUPLICADOS_MIN = env_int("FOLIO_VENTANA_DUPLICADOS_MIN", 30)
# Oficialía screens: citizen lookups and online submissions are throttled per IP (cache);
# the acuse is printed on "carta" (letter) or "a4" paper.
FOLIO_CONSULTA_MAX_FALLOS = env_int("FOLIO_CONSULTA_MAX_FALLOS", 10)
FOLIO_CONSULTA_VENTANA_MIN = env_int("FOLIO_CONSULTA_VENTANA_MIN", 15)
FOLIO_ENVIOS_POR_HORA = env_int("FOLIO_ENVIOS_POR_HORA", 10)
FOLIO_ENCUESTAS_POR_HORA = env_int("FOLIO_ENCUESTAS_POR_HORA", 20)
FOLIO_VERIFICACIONES_POR_HORA = env_int("FOLIO_VERIFICACIONES_POR_HORA", 60)
# Turnos taken at the public kiosk page per IP per hour (a kiosk device is one address).
FOLIO_FICHAS_POR_HORA = env_int("FOLIO_FICHAS_POR_HORA", 120)
FOLIO_CONSULTA_SESION_MIN = env_int("FOLIO_CONSULTA_SESION_MIN", 30)
# E-mail notifications to the remitente: attempts before "fallida", and the first backoff
# (seconds; doubled after each failed attempt).
FOLIO_NOTIFICACION_INTENTOS = max(1, env_int("FOLIO_NOTIFICACION_INTENTOS", 5))
FOLIO_NOTIFICACION_ESPERA_S = env_int("FOLIO_NOTIFICACION_ESPERA_S", 60)
FOLIO_ACUSE_PAPEL = env_str("FOLIO_ACUSE_PAPEL", "carta")
# Versión pública: the legal ground written on the public copy (empty: the country's default,
# documentos.testado.tipos.FUNDAMENTOS) and the OCR confidence under which a page is never
# approved without a person (a batch approval covers it whole).
FOLIO_FUNDAMENTO_TESTADO = env_str("FOLIO_FUNDAMENTO_TESTADO", "")
FOLIO_TESTADO_CONFIANZA_MIN = env_int("FOLIO_TESTADO_CONFIANZA_MIN", 70)
# Bitácora anchors: the institution's seal certificate (PKCS#12 and its password) that signs
# the chain head every day. Only dev falls back to a generated demo sello (FOLIO_SELLO_DEMO).
FOLIO_SELLO_P12 = env_archivo("FOLIO_SELLO_P12")
FOLIO_SELLO_CLAVE = env_str("FOLIO_SELLO_CLAVE", "")
FOLIO_SELLO_DEMO = None

# Firma electrónica (documentos.firma): the trusted authorities' certificates (a directory or
# PEM/DER files, comma-separated; nothing bundled), what to do when revocation cannot be
# checked (estricta: refuse; flexible: sign with a warning) and an RFC 3161 timestamp service.
FOLIO_FIRMA_RAICES = env_list("FOLIO_FIRMA_RAICES", [])
FOLIO_FIRMA_REVOCACION = env_opcion("FOLIO_FIRMA_REVOCACION", "estricta", {"estricta", "flexible"})
FOLIO_FIRMA_TSA_URL = env_url("FOLIO_FIRMA_TSA_URL")
# Development only (dev.py): where `make demo` writes the demo PKI (documentos.firma.demo).
FOLIO_FIRMA_DEMO = None

# Portal (cms): routable pages (plan exports, statistics downloads), Spanish full-text search
# of trámites on PostgreSQL, and how long statistics are cached (seconds).
INSTALLED_APPS += ["wagtail.contrib.routable_page"]
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    WAGTAILSEARCH_BACKENDS["default"]["SEARCH_CONFIG"] = "spanish"
FOLIO_ESTADISTICAS_CACHE_SEGUNDOS = env_int("FOLIO_ESTADISTICAS_CACHE_SEGUNDOS", 60)
# Public counts under this are shown as "<N" (cms.secreto_estadistico); never below 3.
FOLIO_ESTADISTICAS_UMBRAL = max(3, env_int("FOLIO_ESTADISTICAS_UMBRAL", 5))

# JSON endpoints (statistics, search): DRF views, JSON only, documented at /api/esquema/ by
# drf-spectacular from the same serializers that validate them. Wagtail's API v2 keeps its
# own settings and stays out of that document.
REST_FRAMEWORK = {
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "NON_FIELD_ERRORS_KEY": "__all__",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Folio: datos abiertos del portal",
    "DESCRIPTION": (
        "Estadísticas en tiempo real de los escritos recibidos por la Oficialía de Partes (solo "
        "cifras agregadas: nunca nombres, folios ni contenido de los escritos) y búsqueda en el "
        "archivo público y en las páginas del portal. Los parámetros inválidos reciben un 400 "
        "con mensajes en español por parámetro; los métodos distintos de GET, un 405. Las "
        "respuestas públicas se guardan en caché unos segundos (cabecera Cache-Control). Las "
        "páginas, imágenes y documentos del portal están en la API de Wagtail en /api/v2/."
    ),
    "VERSION": "2",
    "OAS_VERSION": "3.1.0",
    "LICENSE": {"name": "Datos abiertos"},
    "SERVE_INCLUDE_SCHEMA": False,
    "DISABLE_DOCSTRING_DESCRIPTIONS": True,
    "PREPROCESSING_HOOKS": ["cms.esquema.solo_folio"],
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "cms.esquema.ajustar_parametros",
    ],
}

# OCR (ocr): Tesseract's page segmentation mode and time limit per page (seconds); bounded
# retries with exponential backoff for transient errors; work "en proceso" with no progress
# for this many minutes is re-queued by `manage.py ocr_barrer`.
FOLIO_OCR_PSM = env_int("FOLIO_OCR_PSM", 3)
FOLIO_OCR_TIMEOUT = env_int("FOLIO_OCR_TIMEOUT", 120)
FOLIO_OCR_INTENTOS = env_int("FOLIO_OCR_INTENTOS", 4)
FOLIO_OCR_ESPERA_S = env_int("FOLIO_OCR_ESPERA_S", 30)
FOLIO_OCR_ATASCADO_MIN = env_int("FOLIO_OCR_ATASCADO_MIN", 30)
# The hunspell Spanish dictionary (Debian hunspell-es) the readability verdict checks words
# against: .dic/.aff path without extension (missing: confidence alone, ocr.W003 warns).
FOLIO_OCR_DICCIONARIO = env_str("FOLIO_OCR_DICCIONARIO", "/usr/share/hunspell/es_ES")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {
        "django": {"handlers": ["console"], "level": "WARNING", "propagate": False},
        "wagtail": {"handlers": ["console"], "level": "WARNING", "propagate": False},
        "pikepdf": {"level": "WARNING"},  # not its start-up notice on every command
    },
}
