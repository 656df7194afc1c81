#!/usr/bin/env bash
# Dividends benchmark (issue 15), two measurements per provider:
#   - a plan over SHAREHOLDERS (100,000) shareholders by shares (two share types, weights 1 and 0.5), computed and
#     saved by POST /api/v1/dividends/plans (target <= 3 s on SQLite), with its Σ checked in the database: the lines
#     sum to the pool to the 分, and so does the plan's total
#   - the payout list of that plan, approved (by SQL), made by POST /api/v1/dividends/plans/{id}/payouts: one unpaid
#     payout per paying line in one request, with its Σ checked in the database (count = paying lines, Σ = total)
#   - CONFIRM_CONNECTIONS (64) workers confirming PAYOUTS (10,000) payouts of that plan, each payout twice at about
#     the same moment: confirmations per second, and 0 paid twice (from the database: no payout's version moved twice,
#     and no payout got two 200 answers)
# The register is loaded straight into the tables (scripts/bench/dividends-fixture.py), and the plan is brought to
# the approved state there too (the approval steps are not what is measured); the confirmations then work on the
# first PAYOUTS payouts of the list the API made. Sourced by scripts/bench.sh inside its provider loop,
# on the city it generated, with its API running; run alone it publishes the API and measures on a database of its
# own, e.g. at a small scale: SHAREHOLDERS=5000 PAYOUTS=1000 PROVIDERS=sqlite scripts/bench/dividends.sh
SHAREHOLDERS="${SHAREHOLDERS:-100000}"
PAYOUTS="${PAYOUTS:-10000}"
CONFIRM_CONNECTIONS="${CONFIRM_CONNECTIONS:-64}"

dividends_bench() { # provider database-arguments organization-id
  local provider="$1" db_args=($2) organization="$3" fixture="scripts/bench/dividends-fixture.py"
  echo "   dividends: loading a register of $SHAREHOLDERS shareholders"
  local ids collective population labour key seconds plan
  ids="$(python3 "$fixture" register "${db_args[@]}" --shareholders "$SHAREHOLDERS" --organization "$organization")"
  collective="$(echo "$ids" | sed 's/.*collective=\([^ ]*\).*/\1/')"
  population="$(echo "$ids" | sed 's/.*population=\([^ ]*\).*/\1/')"
  labour="$(echo "$ids" | sed 's/.*labour=\([^ ]*\).*/\1/')"
  # A collective accountant's key: it prepares the plan and records the payouts (whole tree, no rate limit).
  key="$(curl -sf -b "$WORK/cookies" -H 'content-type: application/json' \
    -d '{"name":"bench-dividends-'"$provider"'","permissions":["dividends.read","dividends.write"],'\
'"rateLimitPerMinute":100000}' "$BASE/api/v1/api-clients" \
    | python3 -c 'import sys, json; print(json.load(sys.stdin)["apiKey"])')"
  local status
  read -r status seconds < <(curl -s -o "$WORK/dividend-plan.json" -w '%{http_code} %{time_total}\n' \
    -H "X-Api-Key: $key" \
    -H 'content-type: application/json' -d '{"collectiveId":"'"$collective"'","year":2025,'\
'"title":"基准测试 2025 年度收益分配方案","cutOffOn":"2025-12-31","parts":[{"kind":"Dividend","label":"股份分红",'\
'"method":"ByShares","payeeUnit":"Person","pool":12345678.91,"weights":{"'"$population"'":1,"'"$labour"'":0.5}}]}' \
    "$BASE/api/v1/dividends/plans")
  if [ "$status" != 201 ]; then
    echo "   !! the plan was refused ($status): $(head -c 600 "$WORK/dividend-plan.json")"
    return 0
  fi
  plan="$(python3 -c "import json; print(json.load(open('$WORK/dividend-plan.json'))['id'])")"
  local pool total sum lines
  read -r pool total sum lines < <(python3 "$fixture" plan "${db_args[@]}" --plan "$plan")
  echo "| $provider | plan over $SHAREHOLDERS shareholders computed and saved, 1 request | | $(python3 -c \
    "print(f'{$seconds * 1000:.0f}')") | | |" >>"$RESULTS"
  local exact="NOT EXACT"
  [ "$sum" = "$pool" ] && [ "$total" = "$pool" ] && exact=exact
  RATIOS+=("$provider: plan over $SHAREHOLDERS shareholders computed and saved: $(verdict "$seconds" "<= 3" s); \
Σ of $lines lines = $sum 分, pool $pool 分, plan total $total 分: $exact")
  echo "   dividends: the payout list of the approved plan"
  local version listed listed_sum listed_total paying
  version="$(python3 "$fixture" approve "${db_args[@]}" --plan "$plan")"
  read -r status seconds < <(curl -s -o "$WORK/dividend-payouts.json" -w '%{http_code} %{time_total}\n' \
    -H "X-Api-Key: $key" -H 'content-type: application/json' -H "If-Match: \"$version\"" \
    -H "Idempotency-Key: bench-payouts-$plan" -d '{"note":"基准测试"}' "$BASE/api/v1/dividends/plans/$plan/payouts")
  if [ "$status" != 200 ]; then
    echo "   !! the payout list was refused ($status): $(head -c 600 "$WORK/dividend-payouts.json")"
  else
    read -r listed listed_sum listed_total paying < <(python3 "$fixture" listed "${db_args[@]}" --plan "$plan")
    echo "| $provider | payout list of a $lines-line approved plan made, 1 request | | $(python3 -c \
      "print(f'{$seconds * 1000:.0f}')") | | |" >>"$RESULTS"
    local listed_exact="NOT EXACT"
    [ "$listed" = "$paying" ] && [ "$listed_sum" = "$listed_total" ] && [ "$listed_total" = "$pool" ] \
      && listed_exact=exact
    RATIOS+=("$provider: payout list of $listed payouts made in $(python3 -c "print(f'{$seconds:.2f}')") s; \
$paying paying lines, Σ of payouts = $listed_sum 分, plan total $listed_total 分: $listed_exact")
  fi
  echo "   dividends: $PAYOUTS payouts, each confirmed twice by $CONFIRM_CONNECTIONS workers"
  python3 "$fixture" payouts "${db_args[@]}" --plan "$plan" --payouts "$PAYOUTS" >/dev/null
  local attempts confirmed refused other elapsed twice count paid bumped
  read -r attempts confirmed refused other elapsed twice < <(python3 scripts/bench/dividends-confirm.py \
    --base "$BASE" --api-key "$key" --plan "$plan" --connections "$CONFIRM_CONNECTIONS")
  read -r count paid bumped < <(python3 "$fixture" paid "${db_args[@]}" --plan "$plan")
  echo "| $provider | payout confirmations, $CONFIRM_CONNECTIONS connections ($attempts attempts) |" \
    "$(python3 -c "print(f'{$confirmed / $elapsed:.0f}')") | | | |" >>"$RESULTS"
  local rate twice_total=$((bumped + twice))
  rate="$(python3 -c "print(f'{$confirmed / $elapsed:.0f}')")"
  RATIOS+=("$provider: $confirmed of $count payouts confirmed in $elapsed s ($rate confirmations/s; $attempts \
attempts, $refused refused, $other other answers); in the database $paid paid, paid twice: $twice_total \
(target 0: $([ "$twice_total" = 0 ] && [ "$paid" = "$count" ] && echo met || echo NOT MET))")
}

if [ "${BASH_SOURCE[0]}" != "$0" ]; then
  # Sourced by scripts/bench.sh: its API, database, admin cookie and city root.
  if [ "$provider" = sqlite ]; then
    dividends_bench sqlite "--sqlite $WORK/bench.db" "$ROOT"
  else
    dividends_bench postgres "--postgres postgresql://postgres@127.0.0.1:$PGPORT_/jiceng_bench" "$ROOT"
  fi
  return 0
fi

set -euo pipefail
cd "$(dirname "$0")/../.."
PROVIDERS="${PROVIDERS:-sqlite postgres}"
WORK="$(mktemp -d /tmp/jiceng-bench-dividends.XXXXXX)"
# shellcheck source=../lib/postgres.sh
source scripts/lib/postgres.sh
API_PID=""
# KEEP_LOGS: a directory that keeps the API's logs (e.g. with API_LOG_LEVEL=Debug for the plan's own timings).
cleanup() {
  [ -n "$API_PID" ] && kill "$API_PID" 2>/dev/null
  [ -n "${KEEP_LOGS:-}" ] && cp "$WORK"/api-*.log "$KEEP_LOGS"/ 2>/dev/null
  stop_throwaway_postgres; rm -rf "$WORK"
}
trap cleanup EXIT
# API_DIR: an API already published (Release) there, instead of publishing it again.
API_DIR="${API_DIR:-$WORK/api}"
if [ ! -f "$API_DIR/Jiceng.Api.dll" ]; then
  echo "== Publishing the API (Release)"
  dotnet publish api/Jiceng.Api.csproj -c Release -o "$API_DIR" --nologo -v quiet 2>&1 \
    | grep -vE "warning NU1603" || true
fi
PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')"
BASE="http://127.0.0.1:$PORT"
# The same start and verdict as scripts/bench.sh, which this script runs inside when sourced.
start_api() { # provider connection-string
  # env: a category name has dots, which a shell variable's name cannot.
  env Database__Provider="$1" ConnectionStrings__Default="$2" RateLimiting__Enabled=false \
    Logging__LogLevel__Default=Warning ASPNETCORE_ENVIRONMENT=Development \
    "Logging__LogLevel__Jiceng.Modules.Dividends=${API_LOG_LEVEL:-Warning}" \
    Bootstrap__AdminPassword=Bench-Admin-Password-1 Security__KeyFile="$WORK/keys.json" \
    dotnet "$API_DIR/Jiceng.Api.dll" --urls "$BASE" >"$WORK/api-$1.log" 2>&1 &
  API_PID=$!
  for _ in $(seq 1 120); do curl -sf "$BASE/health/ready" >/dev/null 2>&1 && return 0; sleep 0.5; done
  cat "$WORK/api-$1.log"; return 1
}
stop_api() { kill "$API_PID" 2>/dev/null || true; wait "$API_PID" 2>/dev/null || true; API_PID=""; }
verdict() { # expression target unit -> "0.98x (target >= 0.80: met)"
  python3 -c "v = $1; print(f'{v:.2f}$3 (target $2: ' + ('met' if v $2 else 'NOT MET') + ')')"
}
RESULTS="$WORK/results.md"
printf '| provider | measurement | req/s | p50 ms | p95 ms | p99 ms |\n|---|---|---:|---:|---:|---:|\n' >"$RESULTS"
RATIOS=()
for provider in $PROVIDERS; do
  if [ "$provider" = sqlite ]; then
    CONNECTION="Data Source=$WORK/bench.db"; NAME=Sqlite
    DB_ARGS="--sqlite $WORK/bench.db"
  else
    [ -n "${JICENG_TEST_POSTGRES:-}" ] || start_throwaway_postgres
    PGPORT_="$(echo "$JICENG_TEST_POSTGRES" | sed 's/.*Port=\([0-9]*\).*/\1/')"
    psql -q "host=127.0.0.1 port=$PGPORT_ user=postgres dbname=postgres" \
      -c "DROP DATABASE IF EXISTS jiceng_bench_dividends" -c "CREATE DATABASE jiceng_bench_dividends"
    CONNECTION="Host=127.0.0.1;Port=$PGPORT_;Username=postgres;Database=jiceng_bench_dividends;Maximum Pool Size=100"
    NAME=Postgres
    DB_ARGS="--postgres postgresql://postgres@127.0.0.1:$PGPORT_/jiceng_bench_dividends"
  fi
  start_api "$NAME" "$CONNECTION"
  curl -sf -c "$WORK/cookies" -H 'content-type: application/json' \
    -d '{"username":"admin","password":"Bench-Admin-Password-1"}' "$BASE/api/v1/auth/sign-in" >/dev/null
  ROOT="$(curl -sf -b "$WORK/cookies" -H 'content-type: application/json' \
    -d '{"name":"基准测试县委","kind":"Committee","field":"Government"}' "$BASE/api/v1/organizations" \
    | python3 -c 'import sys, json; print(json.load(sys.stdin)["id"])')"
  dividends_bench "$provider" "$DB_ARGS" "$ROOT"
  stop_api
done
echo
cat "$RESULTS"
echo
for ratio in "${RATIOS[@]}"; do echo "$ratio"; done
echo "(machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; SHAREHOLDERS=$SHAREHOLDERS PAYOUTS=$PAYOUTS" \
  "CONFIRM_CONNECTIONS=$CONFIRM_CONNECTIONS)"
