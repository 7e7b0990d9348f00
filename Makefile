# The two commands: `make run` and `make test`. Both create .venv when missing.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
HOST   ?= 127.0.0.1
PORT   ?= 8000
WORKERS ?= 1
export HOST PORT

.PHONY: run test install install-dev migrate seed serve lint lint-containers typecheck pytest \
	pytest-postgres bench bench-postgres soak clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e '.[dev]'
	touch $(VENV)/.installed $@

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

migrate: install
	mkdir -p data
	$(BIN)/alembic upgrade head

seed: migrate
	$(BIN)/python -m app.seeding

serve:
	$(BIN)/uvicorn app.main:app --host $(HOST) --port $(PORT) --workers $(WORKERS) \
		--timeout-graceful-shutdown 20 --timeout-keep-alive 5 --no-access-log

## make run: install, migrate, seed, serve on HOST:PORT (WORKERS processes).
run: seed serve

lint: install-dev
	$(BIN)/ruff check app tests migrations bench
	$(BIN)/ruff format --check app tests migrations bench

# No Docker engine here: lint the Dockerfile (0 findings) and validate the compose file against
# the compose-spec schema vendored in check-jsonschema (no network needed).
lint-containers: install-dev
	$(BIN)/hadolint Dockerfile
	$(BIN)/check-jsonschema --builtin-schema vendor.compose-spec docker-compose.yml

typecheck: install-dev
	$(BIN)/mypy app

pytest: install-dev
	$(BIN)/python -m pytest

# The whole suite again on a throwaway PostgreSQL server (installed from Debian when missing).
pytest-postgres: install-dev
	scripts/with-postgres.sh $(BIN)/python -m pytest

## make test: lint, type-check, the whole suite on SQLite, then again on PostgreSQL.
test: lint lint-containers typecheck pytest pytest-postgres

## make bench: app vs. its Starlette ceiling, route by route (wrk, 16 connections, < 10 min).
## Writes bench/results/latest.{json,md}. BENCH_DURATION / BENCH_ROUNDS / BENCH_SCALES tune it.
bench: install
	$(BIN)/python -m bench.run

## make bench-postgres: the same against a throwaway PostgreSQL server on loopback (installed from
## Debian when missing); writes bench/results/postgresql/latest.{json,md}.
bench-postgres: install
	BENCH_TARGET="make bench-postgres" scripts/with-postgres.sh sh -c \
		'BENCH_DATABASE_URL="$$TEST_DATABASE_URL" $(BIN)/python -m bench.run --out bench/results/postgresql'

## make soak: 10 minutes of mixed load at 50% of peak; resident memory growth (not in make test).
soak: install
	$(BIN)/python -m bench.soak

clean:
	rm -rf $(VENV) data/*.db data/*.db-wal data/*.db-shm
