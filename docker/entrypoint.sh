#!/bin/sh
# Start order: migrate, seed (idempotent), then serve. Migrate and seed run once, before the
# workers fork, so several workers never race to create tables or load content.
set -eu
alembic upgrade head
python -m app.seeding
# HOST, PORT, WORKERS and the slow-client limits come from the environment (app/serve.py).
exec python -m app.serve
