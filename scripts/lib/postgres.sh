#!/usr/bin/env bash
# Starts a throwaway PostgreSQL 15 cluster on a free loopback port and exports JICENG_TEST_POSTGRES.
# Source it, then call start_throwaway_postgres; the cluster is stopped and deleted by stop_throwaway_postgres
# (the caller's EXIT trap). initdb and pg_ctl refuse root, so as root they run as the `postgres` user.

PG_BIN="${PG_BIN:-/usr/lib/postgresql/15/bin}"

start_throwaway_postgres() {
  if [ ! -x "$PG_BIN/initdb" ]; then
    echo "PostgreSQL binaries not found in $PG_BIN; installing postgresql-15" >&2
    if [ "$(id -u)" = 0 ]; then
      DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql-15 >/dev/null 2>&1 \
        || { apt-get update -q >/dev/null 2>&1 \
          && DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql-15 >/dev/null; }
    fi
    [ -x "$PG_BIN/initdb" ] || { echo "no PostgreSQL 15 available" >&2; return 1; }
  fi
  PG_DIR="$(mktemp -d /tmp/jiceng-pg.XXXXXX)"
  PG_PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
  local run_as=()
  if [ "$(id -u)" = 0 ]; then
    id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
    chown postgres "$PG_DIR"
    run_as=(runuser -u postgres --)
  fi
  "${run_as[@]}" "$PG_BIN/initdb" -D "$PG_DIR/data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 \
    >"$PG_DIR/initdb.log" 2>&1 \
    || { cat "$PG_DIR/initdb.log" >&2; return 1; }
  "${run_as[@]}" "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -c port=$PG_PORT -c fsync=off -c synchronous_commit=off \
        -c full_page_writes=off -c unix_socket_directories=$PG_DIR -c max_connections=200" \
    start >/dev/null || { cat "$PG_DIR/server.log" >&2; return 1; }
  PG_RUN_AS=("${run_as[@]}")
  export JICENG_TEST_POSTGRES="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=postgres;Pooling=true;\
Maximum Pool Size=50"
  echo "PostgreSQL 15 throwaway cluster on 127.0.0.1:$PG_PORT ($PG_DIR)"
}

stop_throwaway_postgres() {
  if [ -n "${PG_DIR:-}" ] && [ -d "$PG_DIR" ]; then
    "${PG_RUN_AS[@]}" "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$PG_DIR"
  fi
}
