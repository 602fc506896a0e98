# Folio web and worker image (production settings).
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    DJANGO_SETTINGS_MODULE=cms.settings.production \
    OMP_THREAD_LIMIT=1

RUN apt-get update \
    && apt-get install -y --no-install-recommends tesseract-ocr tesseract-ocr-spa hunspell-es libpq5 \
    && rm -rf /var/lib/apt/lists/*

RUN useradd --create-home --uid 1000 folio
WORKDIR /app
COPY pyproject.toml README.md ./
COPY cms cms
COPY documentos documentos
COPY busqueda busqueda
COPY ocr ocr
COPY formatos formatos
COPY atencion atencion
COPY archivo archivo
COPY templates templates
COPY static static
COPY manage.py ./
RUN pip install --no-cache-dir '.[production]' \
    && SECRET_KEY=build-only FOLIO_BITACORA_CLAVE=build-only-never-used-to-chain-entries \
       WAGTAILADMIN_BASE_URL=https://build.invalid EMAIL_URL=console:// \
       python manage.py collectstatic --noinput

USER folio
EXPOSE 8000
CMD ["gunicorn", "cms.wsgi:application", "--bind", "0.0.0.0:8000", "--workers", "3", "--access-logfile", "-"]
