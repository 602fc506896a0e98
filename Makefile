# Folio: two commands on a fresh machine.
#   make run   -> installs into .venv, migrates SQLite, loads demo data, serves :8000 + task worker
#   make test  -> lint, Django checks and the whole pytest suite
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run test install system-deps lint check pytest demo clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev,production]'
	touch $(STAMP)

install: $(STAMP)

system-deps:
	@scripts/system-deps.sh

demo: install system-deps
	$(PY) manage.py migrate --noinput
	$(PY) manage.py folio_demo

run: demo
	@scripts/run-dev.sh $(PY)

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

check: install
	DJANGO_SETTINGS_MODULE=cms.settings.test $(PY) manage.py check
	DJANGO_SETTINGS_MODULE=cms.settings.test $(PY) manage.py makemigrations --check --dry-run

# With pytest-xdist (the dev extra) the suite runs in PYTEST_WORKERS processes: one per core,
# at most 4 (each migrates its own test database and may start a Chromium). `--dist load`
# hands each worker tests in collection order, which keeps pytest-django's order (plain
# database tests, then transactional ones) within every worker. PYTEST_WORKERS=0: one process.
PYTEST_WORKERS ?= $(shell n=$$(nproc 2>/dev/null || echo 1); [ "$$n" -gt 4 ] && n=4; [ "$$n" -lt 2 ] && n=0; echo $$n)

pytest: install
	$(PY) -m pytest $$($(PY) -c 'import xdist' 2>/dev/null && echo '-n $(PYTEST_WORKERS) --dist load') $(PYTEST_ARGS)

test: lint check pytest

clean:
	rm -rf $(VENV) var .pytest_cache .ruff_cache
