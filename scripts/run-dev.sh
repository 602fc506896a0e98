#!/usr/bin/env bash
# Serve Folio on http://127.0.0.1:8000 with a background task worker; Ctrl+C stops both.
set -euo pipefail
py=${1:-.venv/bin/python}
port=${PORT:-8000}

# No worker runs yet, so OCR left "en proceso" by a previous run is stale: re-queue it.
"$py" manage.py ocr_barrer --minutos 0
"$py" manage.py db_worker &
worker=$!
trap 'kill "$worker" 2>/dev/null || true; wait "$worker" 2>/dev/null || true' EXIT INT TERM

echo "Folio: http://127.0.0.1:${port}/  (administración: http://127.0.0.1:${port}/admin/)"
"$py" manage.py runserver "127.0.0.1:${port}"
