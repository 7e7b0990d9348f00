#!/bin/sh
# Start order: migrate, seed (idempotent), then serve. Migrate and seed run once, before the
# workers fork, so several workers never race to create tables or load content.
set -eu
alembic upgrade head
python -m app.seeding
# The workers share a metrics directory, so a scrape of any of them sees all; emptied at each
# start, so counts begin at zero (prometheus_client's multi-process mode).
export PROMETHEUS_MULTIPROC_DIR="${PROMETHEUS_MULTIPROC_DIR:-/tmp/prometheus-metrics}"
mkdir -p "$PROMETHEUS_MULTIPROC_DIR"
find "$PROMETHEUS_MULTIPROC_DIR" -maxdepth 1 -name '*.db' -delete
exec uvicorn app.main:app \
    --host "${HOST:-0.0.0.0}" --port "${PORT:-8000}" --workers "${WORKERS:-2}" \
    --timeout-keep-alive "${TIMEOUT_KEEP_ALIVE:-5}" --timeout-graceful-shutdown 20 \
    --limit-concurrency "${LIMIT_CONCURRENCY:-1000}" --no-access-log "$@"
