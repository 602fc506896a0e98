"""Test settings: fast hashing, tasks run immediately, throwaway media."""

import os
import secrets
import tempfile
from pathlib import Path

from .base import *  # noqa: F403
from .base import DATABASES, filer_storages

DEBUG = False
SECRET_KEY = "test-only-not-secret"  # noqa: S105
FOLIO_BITACORA_CLAVE = "clave-fija-de-las-pruebas-de-la-bitacora"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
TASKS = {
    "default": {
        "BACKEND": "django_tasks.backends.immediate.ImmediateBackend",
        "QUEUES": ["default", "ocr"],
    }
}
# Removed at the end of the run by tests/conftest.py.
FOLIO_TEST_TMP = Path(tempfile.mkdtemp(prefix="folio-test-"))
MEDIA_ROOT = FOLIO_TEST_TMP / "media"
PRIVATE_MEDIA_ROOT = FOLIO_TEST_TMP / "privado"
FILER_STORAGES = filer_storages(PRIVATE_MEDIA_ROOT)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Unique per run: another run may use the same Elasticsearch node at the same time.
ELASTICSEARCH_INDEX_PREFIX = f"folio-test-{os.getpid()}-{secrets.token_hex(3)}"

if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # An in-memory database per test run unless a file was asked for explicitly.
    DATABASES["default"]["TEST"] = {"NAME": None}
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True
