#!/usr/bin/env bash
# Serve Folio on http://127.0.0.1:8000 with two background workers (interactive tasks and OCR,
# each on its own queue); Ctrl+C stops all three.
set -euo pipefail
py=${1:-.venv/bin/python}
port=${PORT:-8000}

# No worker runs yet, so OCR left "en proceso" by a previous run is stale: re-queue it.
"$py" manage.py ocr_barrer --minutos 0
# Today's signed anchor of the bitácora (once a day; the demo sello is made in var/ the first
# time). In production cron runs it daily: django-tasks has no periodic schedule.
"$py" manage.py bitacora_anclar
# Search updates, page indexing and other short work never wait behind OCR.
"$py" manage.py db_worker --queue-name default &
workers=($!)
"$py" manage.py db_worker --queue-name ocr &
workers+=($!)
trap 'kill "${workers[@]}" 2>/dev/null || true; wait "${workers[@]}" 2>/dev/null || true' EXIT INT TERM

echo "Folio: http://127.0.0.1:${port}/  (administración: http://127.0.0.1:${port}/admin/)"
"$py" manage.py runserver "127.0.0.1:${port}"
