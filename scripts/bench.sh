#!/usr/bin/env bash
# Benchmark (figures go into README; nothing here is asserted by unit tests). For SQLite and PostgreSQL,
# one run each on a generated city of 10,000 organizations:
#   - subtree statistics latency p50/p95 at the root and at a district (target: root p95 <= 150 ms)
#   - the organization list endpoint against its bare twin (same SQL straight through Dapper, mapped only
#     with Benchmark:BareTwins=true) as a throughput ratio in the same run (target >= 0.80x)
#   - with MEMBERS (200,000) members over that city: member search p50/p95 (a name fragment over the whole
#     city, and a district's register), and the member list endpoint against its bare twin (target >= 0.80x)
#   - SQLite only: a 10,000-row member import file checked, then committed (target <= 10 s each)
#   - the SPA in Debian's Chromium on the demo data: bytes transferred (compressed, as on the wire) for the
#     sign-in page (target <= 150 KB) and for the first screen after sign-in (target <= 450 KB)
# Load comes from wrk on loopback after a warm-up. Needs root (or wrk and PostgreSQL already installed).
# Settings: ORGANIZATIONS (10000), MEMBERS (200000), IMPORT_ROWS (10000), DURATION seconds per measurement (15),
# CONNECTIONS (16), PROVIDERS ("sqlite postgres").
set -euo pipefail
cd "$(dirname "$0")/.."
REPO="$(pwd)"
ORGANIZATIONS="${ORGANIZATIONS:-10000}"
MEMBERS="${MEMBERS:-200000}"
IMPORT_ROWS="${IMPORT_ROWS:-10000}"
DURATION="${DURATION:-15}"
CONNECTIONS="${CONNECTIONS:-16}"
PROVIDERS="${PROVIDERS:-sqlite postgres}"
WORK="$(mktemp -d /tmp/jiceng-bench.XXXXXX)"
# shellcheck source=lib/postgres.sh
source scripts/lib/postgres.sh
API_PID=""
API_KEY=""
cleanup() { [ -n "$API_PID" ] && kill "$API_PID" 2>/dev/null; stop_throwaway_postgres; rm -rf "$WORK"; }
trap cleanup EXIT

command -v wrk >/dev/null \
  || { apt-get install -y -q wrk >/dev/null 2>&1 \
    || { apt-get update -q >/dev/null && apt-get install -y -q wrk >/dev/null; }; }
echo "== Publishing the API (Release)"
dotnet publish api/Jiceng.Api.csproj -c Release -o "$WORK/api" --nologo -v quiet 2>&1 \
  | grep -vE "warning NU1603" || true

PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')"
BASE="http://127.0.0.1:$PORT"

measure() { # url connections seconds -> "rps p50 p95 p99 non2xx"
  local threads=$(( $2 < 2 ? $2 : 2 ))
  wrk -t"$threads" -c"$2" -d"$3"s -H "X-Api-Key: $API_KEY" -s scripts/bench/percentiles.lua "$1" \
    | awk '/^RESULT/ {print $2, $3, $4, $5, $6}'
}

start_api() { # provider connection-string
  Database__Provider="$1" ConnectionStrings__Default="$2" Benchmark__BareTwins=true RateLimiting__Enabled=false \
    Logging__LogLevel__Default=Warning ASPNETCORE_ENVIRONMENT=Development \
    Bootstrap__AdminPassword=Bench-Admin-Password-1 \
    Security__KeyFile="$WORK/keys.json" \
    dotnet "$WORK/api/Jiceng.Api.dll" --urls "$BASE" >"$WORK/api-$1.log" 2>&1 &
  API_PID=$!
  for _ in $(seq 1 120); do curl -sf "$BASE/health/ready" >/dev/null 2>&1 && return 0; sleep 0.5; done
  cat "$WORK/api-$1.log"; return 1
}

verdict() { # expression target unit -> "0.98x (target >= 0.80: met)"
  python3 -c "v = $1; print(f'{v:.2f}$3 (target $2: ' + ('met' if v $2 else 'NOT MET') + ')')"
}
stop_api() { kill "$API_PID" 2>/dev/null || true; wait "$API_PID" 2>/dev/null || true; API_PID=""; }

RESULTS="$WORK/results.md"
{
  echo "| provider | measurement | req/s | p50 ms | p95 ms | p99 ms |"
  echo "|---|---|---:|---:|---:|---:|"
} >"$RESULTS"
RATIOS=()
IMPORTS=()
TRANSFERS=()
source scripts/bench/volunteering.sh # 群众点单: demand lists against bare twins, racing claimants (VOLUNTEERING_ONLY=1)

for provider in $PROVIDERS; do
  echo "== $provider: generating $ORGANIZATIONS organizations"
  if [ "$provider" = sqlite ]; then
    CONNECTION="Data Source=$WORK/bench.db"
    Database__Provider=Sqlite ConnectionStrings__Default="$CONNECTION" \
      dotnet "$WORK/api/Jiceng.Api.dll" --migrate >/dev/null
    IDS="$(python3 scripts/bench/generate-city.py --organizations "$ORGANIZATIONS" --members "$MEMBERS" \
      --sqlite "$WORK/bench.db")"
    NAME=Sqlite
  else
    [ -n "${JICENG_TEST_POSTGRES:-}" ] || start_throwaway_postgres
    PGPORT_="$(echo "$JICENG_TEST_POSTGRES" | sed 's/.*Port=\([0-9]*\).*/\1/')"
    psql -q "host=127.0.0.1 port=$PGPORT_ user=postgres dbname=postgres" \
      -c "DROP DATABASE IF EXISTS jiceng_bench" -c "CREATE DATABASE jiceng_bench"
    CONNECTION="Host=127.0.0.1;Port=$PGPORT_;Username=postgres;Database=jiceng_bench;Maximum Pool Size=100"
    Database__Provider=Postgres ConnectionStrings__Default="$CONNECTION" \
      dotnet "$WORK/api/Jiceng.Api.dll" --migrate >/dev/null
    IDS="$(python3 scripts/bench/generate-city.py --organizations "$ORGANIZATIONS" --members "$MEMBERS" \
      --postgres "host=127.0.0.1 port=$PGPORT_ user=postgres dbname=jiceng_bench")"
    NAME=Postgres
  fi
  echo "   $IDS"
  ROOT="$(echo "$IDS" | sed 's/.*root=\([^ ]*\).*/\1/')"
  DISTRICT="$(echo "$IDS" | sed 's/.*district=\([^ ]*\).*/\1/')"
  BRANCH="$(echo "$IDS" | sed 's/.*branch=\([^ ]*\).*/\1/')"
  start_api "$NAME" "$CONNECTION"
  # The API is measured as a third-party system calls it: with an API key (whole tree, organizations.read).
  curl -sf -c "$WORK/cookies" -H 'content-type: application/json' \
    -d '{"username":"admin","password":"Bench-Admin-Password-1"}' "$BASE/api/v1/auth/sign-in"
  API_KEY="$(curl -sf -b "$WORK/cookies" -H 'content-type: application/json' \
    -d '{"name":"bench","permissions":["organizations.read","members.read","members.write"],'\
'"rateLimitPerMinute":100000}' \
    "$BASE/api/v1/api-clients" \
    | python3 -c 'import sys, json; print(json.load(sys.stdin)["apiKey"])')"

  echo "   warming up"
  # q=建国: a given name, thousands of matches over the city
  SEARCH="$BASE/api/v1/members?q=%E5%BB%BA%E5%9B%BD&pageSize=20"
  for url in "$BASE/api/v1/organizations/$ROOT/stats" "$BASE/api/v1/organizations/$DISTRICT/stats" \
             "$BASE/api/v1/organizations?pageSize=20" "$BASE/bench/bare/organizations?pageSize=20" \
             "$SEARCH" "$BASE/api/v1/members?organizationId=$DISTRICT&pageSize=20" \
             "$BASE/api/v1/members?pageSize=20" "$BASE/bench/bare/members?pageSize=20"; do
    wrk -t1 -c4 -d3s -H "X-Api-Key: $API_KEY" "$url" >/dev/null
  done

  # Latency: one connection at a time, so p95 is the time one user waits.
  read -r rps p50 p95 p99 bad < <(measure "$BASE/api/v1/organizations/$ROOT/stats" 1 "$DURATION")
  echo "| $provider | subtree stats, root (10,000 orgs), 1 connection | $rps | $p50 | $p95 | $p99 |" >>"$RESULTS"
  [ "$bad" = 0 ] || echo "   !! $bad non-2xx responses on root stats"
  read -r rps p50 p95 p99 bad < <(measure "$BASE/api/v1/organizations/$DISTRICT/stats" 1 "$DURATION")
  echo "| $provider | subtree stats, district, 1 connection | $rps | $p50 | $p95 | $p99 |" >>"$RESULTS"

  # Throughput: the endpoint and its bare twin back to back, same load.
  read -r api_rps p50 p95 p99 bad < <(measure "$BASE/api/v1/organizations?pageSize=20" "$CONNECTIONS" "$DURATION")
  echo "| $provider | list organizations (API), $CONNECTIONS connections | $api_rps | $p50 | $p95 | $p99 |" >>"$RESULTS"
  [ "$bad" = 0 ] || echo "   !! $bad non-2xx responses on the list"
  read -r bare_rps p50 p95 p99 bad < <(measure "$BASE/bench/bare/organizations?pageSize=20" "$CONNECTIONS" "$DURATION")
  echo "| $provider | list organizations (bare twin), $CONNECTIONS connections | $bare_rps | $p50 | $p95 | $p99 |" \
    >>"$RESULTS"
  RATIOS+=("$provider: organization list API / bare twin = $(verdict "$api_rps / $bare_rps" ">= 0.80" x)")

  # Members: search latency one user at a time, then the list and its bare twin under the same load.
  read -r rps p50 p95 p99 bad < <(measure "$SEARCH" 1 "$DURATION")
  echo "| $provider | member search by name over $MEMBERS members, 1 connection | $rps | $p50 | $p95 | $p99 |" \
    >>"$RESULTS"
  [ "$bad" = 0 ] || echo "   !! $bad non-2xx responses on member search"
  read -r rps p50 p95 p99 bad < <(measure "$BASE/api/v1/members?organizationId=$DISTRICT&pageSize=20" 1 "$DURATION")
  echo "| $provider | member list of a district, 1 connection | $rps | $p50 | $p95 | $p99 |" >>"$RESULTS"
  read -r api_rps p50 p95 p99 bad < <(measure "$BASE/api/v1/members?pageSize=20" "$CONNECTIONS" "$DURATION")
  echo "| $provider | list members (API), $CONNECTIONS connections | $api_rps | $p50 | $p95 | $p99 |" >>"$RESULTS"
  [ "$bad" = 0 ] || echo "   !! $bad non-2xx responses on the member list"
  read -r bare_rps p50 p95 p99 bad < <(measure "$BASE/bench/bare/members?pageSize=20" "$CONNECTIONS" "$DURATION")
  echo "| $provider | list members (bare twin), $CONNECTIONS connections | $bare_rps | $p50 | $p95 | $p99 |" \
    >>"$RESULTS"
  RATIOS+=("$provider: member list API / bare twin = $(verdict "$api_rps / $bare_rps" ">= 0.80" x)")

  if [ "$provider" = sqlite ]; then
    # An .xlsx, as staff send it (the issue's target is for Excel files read through MiniExcel).
    python3 scripts/bench/member-import.py --rows "$IMPORT_ROWS" --out "$WORK/import.xlsx"
    for step in validate commit; do
      url="$BASE/api/v1/members/import?organizationId=$BRANCH"
      [ "$step" = validate ] && url="$BASE/api/v1/members/import/validate?organizationId=$BRANCH"
      seconds="$(curl -s -o "$WORK/import-$step.json" -w '%{time_total}' -H "X-Api-Key: $API_KEY" \
        -F "file=@$WORK/import.xlsx" "$url")"
      summary="$(python3 -c "import json; r=json.load(open('$WORK/import-$step.json'))
print(r.get('imported', r.get('valid')), 'rows,',
      len(r.get('errors', r.get('report', {}).get('errors', []))), 'problems')")"
      IMPORTS+=("sqlite: import $step of $IMPORT_ROWS rows (.xlsx): $(verdict "$seconds" "<= 10" s) ($summary)")
    done
  fi
  source scripts/bench/dividends.sh # a plan over 100,000 shareholders; 64 concurrent payout confirmations
  stop_api
done
source scripts/bench/assistance.sh # the care fund: concurrent disbursements, a ledger of a million entries

echo "== The SPA as a browser receives it (demo data on SQLite, Chromium)"
(cd web && { [ -d node_modules ] || npm ci --no-audit --no-fund --loglevel=error; } && npm run build --silent) \
  >/dev/null
(cd tests/e2e && { [ -d node_modules ] || npm ci --no-audit --no-fund --loglevel=error; }) >/dev/null
[ -x /usr/bin/chromium ] || apt-get install -y -q chromium fonts-noto-cjk >/dev/null 2>&1 \
  || { apt-get update -q >/dev/null && apt-get install -y -q chromium fonts-noto-cjk >/dev/null; }
Database__Provider=Sqlite ConnectionStrings__Default="Data Source=$WORK/demo.db" \
  Demo__SeedDirectory="$REPO/scripts/seed" \
  Spa__Root="$REPO/web/dist" Security__KeyFile="$WORK/demo-keys.json" ASPNETCORE_ENVIRONMENT=Development \
  Logging__LogLevel__Default=Warning dotnet "$WORK/api/Jiceng.Api.dll" --urls "$BASE" >"$WORK/api-demo.log" 2>&1 &
API_PID=$!
for _ in $(seq 1 240); do curl -sf "$BASE/health/ready" >/dev/null 2>&1 && break; sleep 0.5; done
while read -r what bytes; do
  case "$what" in
    sign-in) TRANSFERS+=("sign-in page: $(verdict "$bytes / 1024" "<= 150" " KB")") ;;
    first-screen-after-sign-in) TRANSFERS+=("first screen after sign-in: $(verdict "$bytes / 1024" "<= 450" " KB")") ;;
    first-screen-cold)
      TRANSFERS+=("first screen opened with an empty cache: $(python3 -c "print(f'{$bytes / 1024:.0f} KB')")") ;;
  esac
done < <(node scripts/bench/transfer-size.mjs "$BASE")
stop_api

echo
cat "$RESULTS"
echo
for ratio in "${RATIOS[@]}"; do echo "$ratio"; done
for import in "${IMPORTS[@]}"; do echo "$import"; done
for transfer in "${TRANSFERS[@]}"; do echo "transferred, compressed: $transfer"; done
echo "(machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; wrk -t2;" \
  "$DURATION s per measurement after a warm-up)"
