#!/usr/bin/env bash
# The care fund's benchmark (issue 16), for SQLite and PostgreSQL:
#   - CARE_CLIENTS (64) concurrent clients pay visit money (each payment a Disbursement entry of the fund's ledger,
#     through POST /visits/{id}/record with If-Match and an Idempotency-Key) out of one fund that can pay only
#     CARE_PAYABLE (80 %) of CARE_VISITS (10,000) due visits: disbursements per second (targets >= 300/s on SQLite,
#     >= 1,000/s on PostgreSQL), 0 overdrafts (paid x amount <= income, the rest 409 fund_insufficient), and Σ ledger
#     = balance after the run, read from the database
#   - a fund with LEDGER_ENTRIES (1,000,000) entries loaded by SQL (inserts only: the ledger's triggers refuse any
#     update or delete, and the fund's balance is then set to their sum): GET the fund (its balance) and a month's
#     page of its ledger, p95
# Sourced by scripts/bench.sh (its start_api, measure, verdict, stop_api, WORK, BASE, PROVIDERS, DURATION,
# CONNECTIONS, RESULTS and RATIOS), or run alone at a small scale, for example
#   CARE_VISITS=2000 LEDGER_ENTRIES=100000 DURATION=5 scripts/bench/assistance.sh
# (CARE_API=<folder of a built Jiceng.Api.dll> skips the Release publish).
CARE_VISITS="${CARE_VISITS:-10000}"
CARE_PAYABLE="${CARE_PAYABLE:-$(( CARE_VISITS * 4 / 5 ))}"
CARE_CLIENTS="${CARE_CLIENTS:-64}"
LEDGER_ENTRIES="${LEDGER_ENTRIES:-1000000}"

if ! declare -F start_api >/dev/null; then
  # Alone: bench.sh's own functions (taken from it, not copied), a Release build and its settings.
  set -euo pipefail
  cd "$(dirname "$0")/../.."
  REPO="$(pwd)"
  DURATION="${DURATION:-15}"
  CONNECTIONS="${CONNECTIONS:-16}"
  PROVIDERS="${PROVIDERS:-sqlite postgres}"
  WORK="$(mktemp -d /tmp/jiceng-bench.XXXXXX)"
  # shellcheck source=../lib/postgres.sh
  source scripts/lib/postgres.sh
  API_PID=""
  API_KEY=""
  CARE_ALONE=1
  trap '[ -n "$API_PID" ] && kill "$API_PID" 2>/dev/null; stop_throwaway_postgres; rm -rf "$WORK"' EXIT
  eval "$(sed -n '/^measure() {/,/^}/p; /^start_api() {/,/^}/p; /^verdict() {/,/^}/p; /^stop_api() {/p' \
    scripts/bench.sh)"
  PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')"
  BASE="http://127.0.0.1:$PORT"
  RESULTS="$WORK/results.md"
  printf '| provider | measurement | req/s | p50 ms | p95 ms | p99 ms |\n|---|---|---:|---:|---:|---:|\n' >"$RESULTS"
  RATIOS=()
  if [ -n "${CARE_API:-}" ]; then
    ln -s "$CARE_API" "$WORK/api" # an API already built (a quick check of this script)
  else
    echo "== Publishing the API (Release)"
    dotnet publish api/Jiceng.Api.csproj -c Release -o "$WORK/api" --nologo -v quiet 2>&1 \
      | grep -vE "warning NU1603" || true
  fi
fi

care_sql() { # provider connection sql -> rows, one a line, columns separated by |
  if [ "$1" = sqlite ]; then
    sqlite3 "${2#Data Source=}" "$3"
  else
    psql -qtA "$2" -c "$3"
  fi
}

care_json() { # python expression over the response j, read from stdin
  python3 -c "import sys, json; j = json.load(sys.stdin); print($1)"
}

for provider in $PROVIDERS; do
  echo "== $provider: the care fund"
  if [ "$provider" = sqlite ]; then
    CONNECTION="Data Source=$WORK/care.db"
    DB="Data Source=$WORK/care.db"
    NAME=Sqlite
  else
    [ -n "${JICENG_TEST_POSTGRES:-}" ] || start_throwaway_postgres
    PGPORT_="$(echo "$JICENG_TEST_POSTGRES" | sed 's/.*Port=\([0-9]*\).*/\1/')"
    psql -q "host=127.0.0.1 port=$PGPORT_ user=postgres dbname=postgres" \
      -c "DROP DATABASE IF EXISTS jiceng_care_bench" -c "CREATE DATABASE jiceng_care_bench"
    CONNECTION="Host=127.0.0.1;Port=$PGPORT_;Username=postgres;Database=jiceng_care_bench;Maximum Pool Size=100"
    DB="host=127.0.0.1 port=$PGPORT_ user=postgres dbname=jiceng_care_bench"
    NAME=Postgres
  fi
  start_api "$NAME" "$CONNECTION"
  curl -sf -c "$WORK/care-cookies" -H 'content-type: application/json' \
    -d '{"username":"admin","password":"Bench-Admin-Password-1"}' "$BASE/api/v1/auth/sign-in" >/dev/null
  API_KEY="$(curl -sf -b "$WORK/care-cookies" -H 'content-type: application/json' \
    -d '{"name":"care-bench","permissions":["organizations.read","funds.read","funds.write"],'\
'"rateLimitPerMinute":100000}' "$BASE/api/v1/api-clients" | care_json 'j["apiKey"]')"
  post() { # url json -> response
    curl -sf -b "$WORK/care-cookies" -H 'content-type: application/json' -d "$2" "$BASE$1"
  }
  TODAY="$(date -u +%F)"
  REGION="$(post /api/v1/organizations '{"name":"压测市委","kind":"Committee","field":"Government"}' \
    | care_json 'j["id"]')"
  REGION_PATH="$(care_sql "$provider" "$DB" "SELECT path FROM organizations WHERE id = '$REGION'")"

  # 1. Concurrent payments out of a fund that runs out: CARE_VISITS due visits (a list loaded by SQL, each of a
  #    different member so the yearly cap per person never refuses), 50 yuan each, the fund holding CARE_PAYABLE.
  FUND="$(post /api/v1/assistance/funds '{"organizationId":"'"$REGION"'","name":"压测帮扶资金"}' \
    | care_json 'j["id"]')"
  post "/api/v1/assistance/funds/$FUND/income" \
    '{"source":"DuesShare","amount":'"$(( CARE_PAYABLE * 50 ))"',"occurredOn":"'"$TODAY"'"}' >/dev/null
  LIST="$(python3 -c 'import uuid; print(uuid.uuid4())')"
  NOW="$(date -u +%FT%T.0000000Z)"
  WINDOW="$(date -u -d '-30 days' +%F)"
  care_sql "$provider" "$DB" "INSERT INTO assistance_visit_lists (id, org_id, org_path, region_root_id, occasion,
    year, occasion_on, window_opens_on, created_by_name, created_at, version) VALUES ('$LIST', '$REGION',
    '$REGION_PATH', '$REGION', 'SpringFestival', ${TODAY:0:4}, '$TODAY', '$WINDOW', 'bench', '$NOW', 1)" >/dev/null
  python3 - "$WORK/care-visits.csv" "$WORK/care-visit-ids.txt" "$CARE_VISITS" <<'PY'
import sys, uuid
with open(sys.argv[1], "w") as rows, open(sys.argv[2], "w") as ids:
    for i in range(int(sys.argv[3])):
        visit = uuid.uuid4()
        rows.write(f"{visit},{uuid.uuid4()},压测党员{i}\n")
        ids.write(f"{visit}\n")
PY
  if [ "$provider" = sqlite ]; then
    sqlite3 "$WORK/care.db" <<SQL
CREATE TEMP TABLE v (id TEXT, member_id TEXT, name TEXT);
.mode csv
.import $WORK/care-visits.csv v
INSERT INTO assistance_visits (id, org_id, org_path, region_root_id, list_id, member_id, name, reasons, status,
  money, goods_value, created_at, updated_at, version)
SELECT id, '$REGION', '$REGION_PATH', '$REGION', '$LIST', member_id, name, 1, 'Due', 0, 0, '$NOW', '$NOW', 1 FROM v;
SQL
  else
    psql -q "$DB" <<SQL
CREATE TEMP TABLE v (id uuid, member_id uuid, name text);
\\copy v FROM '$WORK/care-visits.csv' WITH (FORMAT csv)
INSERT INTO assistance_visits (id, org_id, org_path, region_root_id, list_id, member_id, name, reasons, status,
  money, goods_value, created_at, updated_at, version)
SELECT id, '$REGION', '$REGION_PATH', '$REGION', '$LIST', member_id, name, 1, 'Due', 0, 0, now(), now(), 1 FROM v;
SQL
  fi
  read -r _ paid refused failed seconds < <(node scripts/bench/care-payments.mjs "$BASE" "$API_KEY" "$FUND" \
    "$WORK/care-visit-ids.txt" "$CARE_CLIENTS" "$TODAY" | grep '^RESULT')
  IFS='|' read -r balance ledger entries < <(care_sql "$provider" "$DB" "SELECT f.balance,
    (SELECT SUM(amount) FROM assistance_ledger_entries WHERE fund_id = f.id),
    (SELECT COUNT(*) FROM assistance_ledger_entries WHERE fund_id = f.id AND kind = 'Disbursement')
    FROM assistance_funds f WHERE f.id = '$FUND'")
  overdrafts=$(( paid > CARE_PAYABLE ? paid - CARE_PAYABLE : 0 ))
  [ "$balance" -lt 0 ] && overdrafts=$(( overdrafts + 1 ))
  target=$([ "$provider" = sqlite ] && echo 300 || echo 1000)
  RATIOS+=("$provider: care fund, $CARE_CLIENTS clients paying $CARE_VISITS visits out of a fund for $CARE_PAYABLE:" \
    "$(verdict "$paid / $seconds" ">= $target" "/s") disbursements ($paid paid, $refused refused" \
    "fund_insufficient, $failed other answers, $seconds s); overdrafts $overdrafts; Σ ledger $ledger = balance" \
    "$balance: $([ "$ledger" = "$balance" ] && echo yes || echo NO); $entries disbursement entries")

  # 2. The ledger of a fund with LEDGER_ENTRIES entries over about three years, loaded by SQL.
  BIG="$(post /api/v1/assistance/funds '{"organizationId":"'"$(post /api/v1/organizations \
    '{"name":"压测分账","parentId":"'"$REGION"'","kind":"Committee","field":"Government"}' \
    | care_json 'j["id"]')"'","name":"压测百万分录资金"}' | care_json 'j["id"]')"
  if [ "$provider" = sqlite ]; then
    care_sql "$provider" "$DB" "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n
      WHERE i < $LEDGER_ENTRIES)
      INSERT INTO assistance_ledger_entries (id, fund_id, kind, source, amount, occurred_on, payee_member_id,
        payment_kind, recorded_by_name, created_at)
      SELECT lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-7' || substr(hex(randomblob(2)), 2) || '-'
          || hex(randomblob(2)) || '-' || hex(randomblob(6))), '$BIG',
        CASE WHEN i % 4 = 0 THEN 'Disbursement' ELSE 'Income' END,
        CASE WHEN i % 4 = 0 THEN NULL ELSE 'DuesShare' END,
        CASE WHEN i % 4 = 0 THEN -50000 ELSE 30000 END, date('2024-01-01', '+' || (i % 1000) || ' days'),
        NULL, CASE WHEN i % 4 = 0 THEN 'Visit' END, 'bench', '$NOW' FROM n" >/dev/null
  else
    care_sql "$provider" "$DB" "INSERT INTO assistance_ledger_entries (id, fund_id, kind, source, amount,
        occurred_on, payment_kind, recorded_by_name, created_at)
      SELECT gen_random_uuid(), '$BIG', CASE WHEN i % 4 = 0 THEN 'Disbursement' ELSE 'Income' END,
        CASE WHEN i % 4 = 0 THEN NULL ELSE 'DuesShare' END, CASE WHEN i % 4 = 0 THEN -50000 ELSE 30000 END,
        date '2024-01-01' + (i % 1000), CASE WHEN i % 4 = 0 THEN 'Visit' END, 'bench', now()
      FROM generate_series(1, $LEDGER_ENTRIES) AS i; ANALYZE assistance_ledger_entries" >/dev/null
  fi
  care_sql "$provider" "$DB" "UPDATE assistance_funds SET balance = (SELECT SUM(amount)
    FROM assistance_ledger_entries WHERE fund_id = '$BIG') WHERE id = '$BIG'" >/dev/null
  for what in "fund-balance $BASE/api/v1/assistance/funds/$BIG" \
    "ledger-month-page $BASE/api/v1/assistance/funds/$BIG/entries?from=2025-03-01&to=2025-03-31&pageSize=20"; do
    read -r label url <<<"$what"
    measure "$url" "$CONNECTIONS" 2 >/dev/null
    read -r rps p50 p95 p99 bad < <(measure "$url" "$CONNECTIONS" "$DURATION")
    echo "| $NAME | care fund, $LEDGER_ENTRIES entries: $label | $rps | $p50 | $p95 | $p99 |" >>"$RESULTS"
    RATIOS+=("$provider: care fund of $LEDGER_ENTRIES entries, $label p95 $p95 ms ($bad non-2xx)")
  done
  stop_api
done

if [ -n "${CARE_ALONE:-}" ]; then
  echo
  cat "$RESULTS"
  echo
  for line in "${RATIOS[@]}"; do echo "$line"; done
  echo "(machine: $(nproc) cores; $DURATION s per measurement after a warm-up)"
fi
