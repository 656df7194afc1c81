#!/usr/bin/env bash
# Checks that scripts/backup.sh and scripts/restore.sh work end to end on SQLite: starts the built API on a
# new database, backs it up while it serves, stops it, restores into another folder, starts the API there and
# signs in with the account the first start created. Prints "backup check passed" and exits 0, or says what failed.
set -euo pipefail
cd "$(dirname "$0")/../.."
WORK="$(mktemp -d /tmp/jiceng-backup-check.XXXXXX)"
API_PID=""
cleanup() { [ -n "$API_PID" ] && kill "$API_PID" 2>/dev/null && wait "$API_PID" 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT

# API_DLL names a built API to use (scripts/test.sh passes the one its .NET build made); without it, one is published.
# shellcheck source=api-dll.sh
source scripts/lib/api-dll.sh
ensure_api_dll
export API_DLL
PASSWORD="Backup-Check-Password-1"
export ASPNETCORE_ENVIRONMENT=Development
PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')"

serve() { # serves the database in $1 until stopped
  ConnectionStrings__Default="Data Source=$1/jiceng.db" Security__KeyFile="$1/jiceng-keys.json" \
    dotnet "$API_DLL" --urls "http://127.0.0.1:$PORT" >"$1.log" 2>&1 &
  API_PID=$!
  for _ in $(seq 1 120); do
    curl -sf "http://127.0.0.1:$PORT/health/ready" >/dev/null 2>&1 && return 0
    kill -0 "$API_PID" 2>/dev/null || { cat "$1.log" >&2; echo "the API stopped during start-up" >&2; return 1; }
    sleep 0.5
  done
  echo "the API did not become ready" >&2
  return 1
}
stop() { kill "$API_PID"; wait "$API_PID" 2>/dev/null || true; API_PID=""; }

mkdir -p "$WORK/first" "$WORK/second"
# Only the first start creates the administrator: signing in on the second proves the restored rows.
Bootstrap__AdminPassword="$PASSWORD" serve "$WORK/first"
ConnectionStrings__Default="Data Source=$WORK/first/jiceng.db" Security__KeyFile="$WORK/first/jiceng-keys.json" \
  scripts/backup.sh "$WORK/backup"
stop
for f in backup.json jiceng.db jiceng-keys.json; do
  [ -s "$WORK/backup/$f" ] || { echo "the backup has no $f" >&2; exit 1; }
done
ConnectionStrings__Default="Data Source=$WORK/second/jiceng.db" Security__KeyFile="$WORK/second/jiceng-keys.json" \
  scripts/restore.sh "$WORK/backup"
cmp -s "$WORK/first/jiceng-keys.json" "$WORK/second/jiceng-keys.json" \
  || { echo "the key file was not restored" >&2; exit 1; }
serve "$WORK/second"
status="$(curl -s -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json' \
  -d "{\"username\":\"admin\",\"password\":\"$PASSWORD\"}" "http://127.0.0.1:$PORT/api/v1/auth/sign-in")"
stop
[ "$status" = 204 ] || { echo "signing in on the restored database answered $status" >&2; exit 1; }
echo "backup check passed"
