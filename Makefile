# The two commands: `make run` and `make test`. Both create .venv when missing.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
HOST   ?= 127.0.0.1
PORT   ?= 8000
WORKERS ?= 1
export HOST PORT
# Installs come from the locks (exact versions, every file checked against its sha256); the
# project itself goes in editable on top, without dependencies, built by the locked setuptools
# (no throwaway build environment to fetch one into). `make lock` writes both locks.
LOCK     := requirements.lock
DEV_LOCK := requirements-dev.lock
UV_VERSION ?= 0.13.9
LOCK_ARGS ?=
# A dependency added to pyproject.toml but not yet locked shows here, not at the first import.
LOCK_CHECK = @$(BIN)/pip check \
	|| { echo 'pip check failed: is pyproject.toml ahead of the locks? (make lock)' >&2; exit 1; }
# The published contract and what is generated from it (make sdk). SDK_PYTHON and SDK_TYPES may
# name other places: the staleness tests generate into a temporary directory and compare.
CONTRACT     := clients/openapi.json
CLIENT       := clients/python
SDK_PYTHON   ?= $(CLIENT)
SDK_TYPES    ?= clients/typescript/schema.d.ts
NPM_DIR      := clients/typescript
NODE_MODULES := $(NPM_DIR)/node_modules
NODE_BIN     := $(NODE_MODULES)/.bin

.PHONY: run test faults install install-dev install-node system-packages system-packages-dev lock migrate seed serve lint lint-containers \
	lint-openapi typecheck pytest pytest-postgres examples bench bench-postgres soak clean backup \
	sdk sdk-python sdk-typescript

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

$(VENV)/.installed: pyproject.toml $(LOCK) | $(BIN)/python
	$(BIN)/pip install -q --require-hashes -r $(LOCK)
	$(BIN)/pip install -q --no-deps --no-build-isolation --check-build-dependencies -e .
	$(LOCK_CHECK)
	touch $@

# The dev lock holds the runtime set too (the same pins), so it stands for both stamps.
$(VENV)/.installed-dev: pyproject.toml $(LOCK) $(DEV_LOCK) | $(BIN)/python
	$(BIN)/pip install -q --require-hashes -r $(DEV_LOCK)
	$(BIN)/pip install -q --no-deps --no-build-isolation --check-build-dependencies -e .
	$(LOCK_CHECK)
	touch $(VENV)/.installed $@

# The generated client (clients/python), editable, for the SDK tests: its dependencies are in
# the dev lock, which `pip check` confirms. A stamp of its own: `make sdk` needs the generator
# (the dev stamp), not the client it is about to replace.
$(VENV)/.installed-client: $(CLIENT)/setup.py $(VENV)/.installed-dev
	$(BIN)/pip install -q --no-deps --no-build-isolation -e $(CLIENT)
	$(LOCK_CHECK)
	touch $@

# The Node tools of the contract (openapi-typescript, tsc, Redocly CLI), exactly as
# clients/typescript/package-lock.json pins them.
$(NODE_MODULES)/.installed: $(NPM_DIR)/package.json $(NPM_DIR)/package-lock.json
	cd $(NPM_DIR) && npm ci --no-audit --no-fund --loglevel=error
	touch $@

install: system-packages $(VENV)/.installed
install-dev: system-packages-dev $(VENV)/.installed-client
install-node: $(NODE_MODULES)/.installed

# From Debian, when missing (scripts/system-packages.sh): what WeasyPrint loads to make PDFs
# (Pango, HarfBuzz's subsetter) and a font with Arial's metrics; the Dockerfile installs the
# same. The tests also read PDFs back with poppler's pdftotext.
SYSTEM_PACKAGES     := libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-liberation
SYSTEM_PACKAGES_DEV := $(SYSTEM_PACKAGES) poppler-utils

system-packages:
	@scripts/system-packages.sh $(SYSTEM_PACKAGES)

system-packages-dev:
	@scripts/system-packages.sh $(SYSTEM_PACKAGES_DEV)

## make lock: resolve pyproject.toml (its dependencies and its build-system requires) into
## requirements-dev.lock (with the dev extra), then requirements.lock constrained to the same
## pins; CPython 3.11 on x86_64 Linux, sha256 of every file of each pinned version. Pins already
## in the locks are kept unless asked to move: LOCK_ARGS=--upgrade (everything) or
## LOCK_ARGS='--upgrade-package NAME'.
BUILD_REQUIRES = $(BIN)/python -c "import tomllib; \
	print(*tomllib.load(open('pyproject.toml', 'rb'))['build-system']['requires'], sep='\n')"
UV_COMPILE = $(BIN)/uv pip compile pyproject.toml - --quiet --generate-hashes \
	--python-version 3.11 --python-platform x86_64-unknown-linux-gnu \
	--custom-compile-command 'make lock' $(LOCK_ARGS)

lock: | $(BIN)/python
	$(BIN)/pip install -q uv==$(UV_VERSION)
	$(BUILD_REQUIRES) | $(UV_COMPILE) --extra dev -o $(DEV_LOCK)
	$(BUILD_REQUIRES) | $(UV_COMPILE) -c $(DEV_LOCK) -o $(LOCK)

# Alembic's environment names the database it migrates. A SQLite file that is not there is
# created (and said so), unless its -wal is: then the database vanished, and it stops.
migrate: install
	mkdir -p data
	$(BIN)/alembic upgrade head

seed: migrate
	$(BIN)/python -m app.seeding

# app/serve.py: uvicorn with the header and body deadlines and the concurrency cap from the
# settings (HEADER_TIMEOUT_SECONDS, BODY_TIMEOUT_SECONDS, LIMIT_CONCURRENCY, ...).
serve:
	HOST=$(HOST) PORT=$(PORT) WORKERS=$(WORKERS) $(BIN)/python -m app.serve

## make run: install, migrate, seed, serve on HOST:PORT (WORKERS processes).
run: seed serve

lint: install-dev
	$(BIN)/ruff check app tests migrations bench scripts
	$(BIN)/ruff format --check app tests migrations bench scripts
	$(BIN)/lint-imports  # which package may import which: [tool.importlinter] in pyproject.toml

# No Docker engine here: lint the Dockerfile (0 findings) and validate the compose file against
# the compose-spec schema vendored in check-jsonschema (no network needed).
lint-containers: install-dev
	$(BIN)/hadolint Dockerfile
	$(BIN)/check-jsonschema --builtin-schema vendor.compose-spec docker-compose.yml

# mypy on the app; tsc on the TypeScript example against the generated types (clients/typescript).
typecheck: install-dev install-node
	$(BIN)/mypy app
	$(NODE_BIN)/tsc --project $(NPM_DIR) --strict --noEmit

## make lint-openapi: the published contract (clients/openapi.json) against Redocly's recommended
## rules, warnings failing too (redocly.yaml), and openapi-spec-validator.
lint-openapi: install-dev install-node
	$(BIN)/openapi-spec-validator $(CONTRACT)
	REDOCLY_SUPPRESS_NOTIFICATIONS=true $(NODE_BIN)/redocly lint --config redocly.yaml $(CONTRACT)

## make sdk: export the contract the app serves to clients/openapi.json, then regenerate from it
## the Python client (clients/python) and the TypeScript types (clients/typescript/schema.d.ts).
## A contract change is a reviewed diff of all three, with a CHANGELOG.md entry.
sdk: $(VENV)/.installed-dev
	$(BIN)/python -m app.openapi_export $(CONTRACT)
	$(MAKE) --no-print-directory sdk-python sdk-typescript

# ruff (the post-hooks in clients/python-config.yaml) is the venv's, found on PATH. The generator
# reads the contract with its one recursive schema made `Any` (clients/python_contract.py), and
# any warning (an operation or a model it could not produce) fails the build.
sdk-python: $(VENV)/.installed-dev
	$(BIN)/python clients/python_contract.py $(CONTRACT) $(SDK_PYTHON).contract.json
	PATH="$(abspath $(BIN)):$$PATH" $(BIN)/openapi-python-client generate \
		--path $(SDK_PYTHON).contract.json --config clients/python-config.yaml --meta setup \
		--output-path $(SDK_PYTHON) --overwrite --fail-on-warning
	rm -rf $(SDK_PYTHON).contract.json $(SDK_PYTHON)/.ruff_cache

# Run in its own folder: openapi-typescript lints with a redocly.yaml in its working directory,
# and the strict one at the root is `make lint-openapi`'s, not a reason to generate nothing.
# generate.mjs is openapi-typescript with one change, said in it (JsonValue as `unknown`).
sdk-typescript: install-node
	cd $(NPM_DIR) && node generate.mjs $(abspath $(CONTRACT)) $(abspath $(SDK_TYPES))

pytest: install-dev
	$(BIN)/python -m pytest

# The whole suite again on a throwaway PostgreSQL server (installed from Debian when missing).
pytest-postgres: install-dev
	scripts/with-postgres.sh $(BIN)/python -m pytest

## make test: lint, the contract's lint, type-check, then the whole suite on SQLite and again on
## PostgreSQL, the two phases side by side (each spends much of its time waiting on servers it
## started); each phase's output is shown whole when it ends.
test: lint lint-openapi lint-containers typecheck
	$(MAKE) --no-print-directory -j2 --output-sync=target pytest pytest-postgres

## make faults: the heavier fault cases (tests/faults, marked `heavy`), on SQLite then PostgreSQL.
faults: install-dev
	$(BIN)/python -m pytest -m heavy tests/faults
	scripts/with-postgres.sh $(BIN)/python -m pytest -m heavy tests/faults

## make examples: capture each operation's OpenAPI example from a throwaway seeded database into
## app/openapi_examples.json (real requests and answers; tests check them against the schemas).
examples: install-dev
	$(BIN)/python scripts/capture_openapi_examples.py

## make backup: an online backup of DATABASE_URL (SQLite VACUUM INTO, or pg_dump) while it serves,
## to BACKUP_TO (a new file or a directory) or else BACKUP_DIR, under a timestamped name.
backup: install
	$(BIN)/python -m app.backup $(BACKUP_TO)

## make bench: app vs. its Starlette ceiling, route by route (wrk, 16 connections, < 10 min).
## Writes bench/results/latest.{json,md}, then the webhook rows (bench/webhooks.py) to
## bench/results/webhooks.{json,md}. BENCH_DURATION / BENCH_ROUNDS / BENCH_SCALES tune it.
bench: install
	$(BIN)/python -m bench.run
	$(BIN)/python -m bench.webhooks

## make bench-postgres: the same against a throwaway PostgreSQL server on loopback (installed from
## Debian when missing); writes bench/results/postgresql/latest.{json,md}.
bench-postgres: install
	BENCH_TARGET="make bench-postgres" scripts/with-postgres.sh sh -c \
		'BENCH_DATABASE_URL="$$TEST_DATABASE_URL" $(BIN)/python -m bench.run --out bench/results/postgresql'

## make soak: 10 minutes of mixed load at 50% of peak; resident memory growth (not in make test).
soak: install
	$(BIN)/python -m bench.soak

clean:
	rm -rf $(VENV) $(NODE_MODULES) data/*.db data/*.db-wal data/*.db-shm
