# Tweespraak. `make run` serves the demo; `make test` runs the whole suite, lint included.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PG_URL ?= postgres://postgres@127.0.0.1:5432/test
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
DEV_ENV := DEBUG=1
TEST_ENV := SECRET_KEY=lint-only-$(shell printf 'x%.0s' {1..50}) EMAIL_HOST=127.0.0.1

.PHONY: run demo test lint pytest pytest-postgres format messages clean system-test-deps system-run-deps

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip setuptools wheel

$(VENV)/.installed: $(BIN)/python requirements.txt pyproject.toml
	$(BIN)/pip install --quiet -r requirements.txt
	$(BIN)/pip install --quiet --no-deps --no-build-isolation -e .
	touch $@

$(VENV)/.test-installed: $(VENV)/.installed requirements-test.txt
	$(BIN)/pip install --quiet -r requirements-test.txt
	touch $@

run: $(VENV)/.installed system-run-deps
	$(DEV_ENV) $(BIN)/tweespraak migrate --no-input
	$(DEV_ENV) $(BIN)/tweespraak demo
	@echo "Tweespraak runs on http://127.0.0.1:8000 with a background worker (Ctrl+C stops both)."
	$(DEV_ENV) $(BIN)/tweespraak worker & worker=$$!; \
	  trap 'kill $$worker 2>/dev/null; wait $$worker' EXIT INT TERM; \
	  $(DEV_ENV) $(BIN)/tweespraak runserver 127.0.0.1:8000

demo: $(VENV)/.installed
	$(DEV_ENV) $(BIN)/tweespraak migrate --no-input
	$(DEV_ENV) $(BIN)/tweespraak demo

# Debian packages the app needs: pango for PDF exports (WeasyPrint). Installed once.
system-run-deps:
	@/sbin/ldconfig -p | grep -q libpangoft2-1.0 || { \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core >/dev/null; }

# Debian packages the tests need: Chromium for the browser tests, gettext for the
# translation check. Installed once; nothing happens when they are there.
system-test-deps:
	@command -v chromium >/dev/null && command -v xgettext >/dev/null && command -v pdftoppm >/dev/null || { \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium gettext poppler-utils >/dev/null; }

lint: $(VENV)/.test-installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(TEST_ENV) $(BIN)/mypy tweespraak

pytest: $(VENV)/.test-installed system-test-deps system-run-deps
	$(BIN)/pytest -n 2 $(PYTEST_ARGS)

pytest-postgres: $(VENV)/.test-installed system-test-deps system-run-deps
	@if $(BIN)/python -c "import socket; socket.create_connection(('127.0.0.1', 5432), 2)" 2>/dev/null; then \
	  echo "PostgreSQL answers on 127.0.0.1:5432: running the suite on PostgreSQL too."; \
	  DATABASE_URL=$(PG_URL) $(BIN)/pytest -n 2 $(PYTEST_ARGS); \
	elif [ "$${CI:-}" = "true" ]; then \
	  echo "CI needs PostgreSQL on 127.0.0.1:5432, and it does not answer." >&2; exit 1; \
	else \
	  echo "PostgreSQL does not answer on 127.0.0.1:5432: the suite ran on SQLite only."; \
	fi

test: lint pytest pytest-postgres

format: $(VENV)/.test-installed
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# Refresh the translation catalogues after changing UI text, then translate and compile.
messages: $(VENV)/.installed
	cd tweespraak && $(DEV_ENV) ../$(BIN)/tweespraak makemessages -l nl -l en --no-location --no-obsolete
	cd tweespraak && $(DEV_ENV) ../$(BIN)/tweespraak compilemessages

clean:
	rm -rf $(VENV) var/test-artifacts
