#!/usr/bin/env bash
# Run a command against a throwaway PostgreSQL server on loopback.
#
#   scripts/with-postgres.sh <command...>
#
# Installs Debian's `postgresql` when initdb/pg_ctl are missing, starts a cluster in a temporary
# directory on a free 127.0.0.1 port (trust auth on loopback only), exports TEST_DATABASE_URL,
# runs the command, and stops and removes the cluster whatever the command's outcome.
# PostgreSQL refuses to run as root, so when we are root the server runs as `postgres`.
set -euo pipefail

find_bin() {
    local dir
    for dir in /usr/lib/postgresql/*/bin; do
        [[ -x "$dir/pg_ctl" && -x "$dir/initdb" ]] && { echo "$dir"; return 0; }
    done
    return 1
}

if ! PG_BIN=$(find_bin); then
    echo "with-postgres: installing Debian's postgresql" >&2
    export DEBIAN_FRONTEND=noninteractive
    SUDO=""; [[ $(id -u) -ne 0 ]] && SUDO="sudo"
    $SUDO apt-get install -y -q --no-install-recommends postgresql >/dev/null 2>&1 \
        || { $SUDO apt-get update -q >/dev/null && $SUDO apt-get install -y -q --no-install-recommends postgresql >/dev/null; }
    PG_BIN=$(find_bin)
fi

RUN_AS=()
if [[ $(id -u) -eq 0 ]]; then
    id postgres >/dev/null 2>&1 || useradd --system --home-dir /var/lib/postgresql postgres
    RUN_AS=(runuser -u postgres --)
fi

WORK=$(mktemp -d "${TMPDIR:-/tmp}/pgtest.XXXXXX")
chmod 755 "$WORK"
mkdir -p "$WORK/data" "$WORK/sock"
[[ ${#RUN_AS[@]} -gt 0 ]] && chown -R postgres: "$WORK"

PG_PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
USER_NAME=$( [[ ${#RUN_AS[@]} -gt 0 ]] && echo postgres || id -un )

stop() {
    "${RUN_AS[@]}" "$PG_BIN/pg_ctl" -D "$WORK/data" -m fast -w stop >/dev/null 2>&1 || true
    rm -rf "$WORK"
}
trap stop EXIT INT TERM

"${RUN_AS[@]}" "$PG_BIN/initdb" -D "$WORK/data" -U "$USER_NAME" --auth=trust -E UTF8 \
    --locale=C.UTF-8 >"$WORK/initdb.log" 2>&1 || { cat "$WORK/initdb.log" >&2; exit 1; }
# Durability stays on (fsync): the kill -9 test must mean what it says.
"${RUN_AS[@]}" "$PG_BIN/pg_ctl" -D "$WORK/data" -l "$WORK/server.log" -w -t 60 start \
    -o "-h 127.0.0.1 -p $PG_PORT -k $WORK/sock -c max_connections=300 -c shared_buffers=64MB" \
    >/dev/null || { cat "$WORK/server.log" >&2; exit 1; }

export TEST_DATABASE_URL="postgresql+psycopg://$USER_NAME@127.0.0.1:$PG_PORT/postgres"
echo "with-postgres: $TEST_DATABASE_URL" >&2
"$@"
