# shellcheck shell=bash
# 群众点单 benchmark, sourced by scripts/bench.sh (its functions start_api, measure, verdict, stop_api and its $WORK,
# $BASE, $RESULTS, RATIOS, $PROVIDERS, $DURATION, $CONNECTIONS, $ORGANIZATIONS). For each provider, on a fresh city:
#   - DEMANDS (500,000) demands over it, loaded straight into the table (a fixture, not demo data)
#   - the demand list of a district and the overdue list of the root: p50/p95 one user at a time, and each against
#     its bare twin (the same SQL through Dapper only, Benchmark:BareTwins) under CONNECTIONS (target >= 0.80x)
#   - CLAIMANTS (64) units claiming OPEN_DEMANDS (1,000) open demands at once through the API: claims per second,
#     and double claims counted from the database (target 0)
# VOLUNTEERING_ONLY=1 runs this part alone (then bench.sh stops after it).
DEMANDS="${DEMANDS:-500000}"
OPEN_DEMANDS="${OPEN_DEMANDS:-1000}"
CLAIMANTS="${CLAIMANTS:-64}"

volunteering_sql() { # provider target sql -> the first column of the first row
  if [ "$1" = sqlite ]; then
    python3 -c 'import sqlite3, sys; print(sqlite3.connect(sys.argv[1]).execute(sys.argv[2]).fetchone()[0])' "$2" "$3"
  else
    psql -At "$2" -c "$3"
  fi
}

for provider in $PROVIDERS; do
  echo "== $provider: $ORGANIZATIONS organizations and $DEMANDS demands (群众点单)"
  if [ "$provider" = sqlite ]; then
    DB_FILE="$WORK/volunteering.db"
    rm -f "$DB_FILE"*
    CONNECTION="Data Source=$DB_FILE"
    TARGET=(--sqlite "$DB_FILE")
    SQL_TARGET="$DB_FILE"
    NAME=Sqlite
  else
    [ -n "${JICENG_TEST_POSTGRES:-}" ] || start_throwaway_postgres
    PGPORT_="$(echo "$JICENG_TEST_POSTGRES" | sed 's/.*Port=\([0-9]*\).*/\1/')"
    psql -q "host=127.0.0.1 port=$PGPORT_ user=postgres dbname=postgres" \
      -c "DROP DATABASE IF EXISTS jiceng_bench_volunteering" -c "CREATE DATABASE jiceng_bench_volunteering"
    CONNECTION="Host=127.0.0.1;Port=$PGPORT_;Username=postgres;Database=jiceng_bench_volunteering;Maximum Pool Size=100"
    SQL_TARGET="host=127.0.0.1 port=$PGPORT_ user=postgres dbname=jiceng_bench_volunteering"
    TARGET=(--postgres "$SQL_TARGET")
    NAME=Postgres
  fi
  Database__Provider="$NAME" ConnectionStrings__Default="$CONNECTION" dotnet "$WORK/api/Jiceng.Api.dll" --migrate \
    >/dev/null
  IDS="$(python3 scripts/bench/generate-city.py --organizations "$ORGANIZATIONS" "${TARGET[@]}")"
  ROOT="$(echo "$IDS" | sed 's/.*root=\([^ ]*\).*/\1/')"
  DISTRICT="$(echo "$IDS" | sed 's/.*district=\([^ ]*\).*/\1/')"
  python3 scripts/bench/volunteering-load.py demands "${TARGET[@]}" --demands "$DEMANDS" --open "$OPEN_DEMANDS" \
    --district "$DISTRICT" --open-ids "$WORK/open-ids.json" --claimants "$WORK/claimants.json" \
    --today "$(TZ=Asia/Shanghai date +%F)"
  start_api "$NAME" "$CONNECTION"
  curl -sf -c "$WORK/cookies" -H 'content-type: application/json' \
    -d '{"username":"admin","password":"Bench-Admin-Password-1"}' "$BASE/api/v1/auth/sign-in" >/dev/null
  API_KEY="$(curl -sf -b "$WORK/cookies" -H 'content-type: application/json' \
    -d '{"name":"bench-volunteering","permissions":["organizations.read","volunteering.read","volunteering.write"],'\
'"rateLimitPerMinute":100000}' "$BASE/api/v1/api-clients" \
    | python3 -c 'import sys, json; print(json.load(sys.stdin)["apiKey"])')"
  # The region lets a unit hold 100 open claims (the default 5 would refuse most of 1,000 claims by 64 units).
  RULE_SET_ID="$(curl -sf -b "$WORK/cookies" -H 'content-type: application/json' \
    -d "{\"regionRootId\":\"$ROOT\",\"name\":\"bench\"}" "$BASE/api/v1/rule-sets" \
    | python3 -c 'import sys, json; print(json.load(sys.stdin)["id"])')"
  curl -sS --fail-with-body -b "$WORK/cookies" -D "$WORK/rule-set.headers" -o "$WORK/rule-set.json" \
    "$BASE/api/v1/rule-sets/$RULE_SET_ID"
  python3 - "$WORK/rule-set.json" <<'PY'
import json, sys
document = json.load(open(sys.argv[1]))["document"]
document["volunteering"]["maxOpenClaims"] = {"value": 100, "source": "benchmark"}
json.dump({"name": "bench", "document": document}, open(sys.argv[1], "w"))
PY
  curl -sf -o /dev/null -b "$WORK/cookies" -X PUT -H 'content-type: application/json' \
    -H "If-Match: $(awk 'tolower($1) == "etag:" {print $2}' "$WORK/rule-set.headers" | tr -d '\r')" \
    -d @"$WORK/rule-set.json" "$BASE/api/v1/rule-sets/$RULE_SET_ID"

  DISTRICT_LIST="$BASE/api/v1/volunteering/demands?organizationId=$DISTRICT&includeDescendants=true&pageSize=20"
  DISTRICT_BARE="$BASE/bench/bare/volunteering/demands?organizationId=$DISTRICT&pageSize=20"
  OVERDUE_LIST="$BASE/api/v1/volunteering/demands?organizationId=$ROOT&includeDescendants=true&overdue=true&pageSize=20"
  OVERDUE_BARE="$BASE/bench/bare/volunteering/demands?organizationId=$ROOT&overdue=true&pageSize=20"
  echo "   warming up"
  for url in "$DISTRICT_LIST" "$DISTRICT_BARE" "$OVERDUE_LIST" "$OVERDUE_BARE"; do
    wrk -t1 -c4 -d3s -H "X-Api-Key: $API_KEY" "$url" >/dev/null
  done
  for pair in "district demand list|$DISTRICT_LIST|$DISTRICT_BARE" "root overdue list|$OVERDUE_LIST|$OVERDUE_BARE"; do
    IFS='|' read -r what api bare <<<"$pair"
    read -r rps p50 p95 p99 bad < <(measure "$api" 1 "$DURATION")
    echo "| $provider | $what, $DEMANDS demands, 1 connection | $rps | $p50 | $p95 | $p99 |" >>"$RESULTS"
    [ "$bad" = 0 ] || echo "   !! $bad non-2xx responses on the $what"
    read -r api_rps p50 p95 p99 bad < <(measure "$api" "$CONNECTIONS" "$DURATION")
    echo "| $provider | $what (API), $CONNECTIONS connections | $api_rps | $p50 | $p95 | $p99 |" >>"$RESULTS"
    read -r bare_rps p50 p95 p99 bad < <(measure "$bare" "$CONNECTIONS" "$DURATION")
    echo "| $provider | $what (bare twin), $CONNECTIONS connections | $bare_rps | $p50 | $p95 | $p99 |" >>"$RESULTS"
    RATIOS+=("$provider: $what API / bare twin = $(verdict "$api_rps / $bare_rps" ">= 0.80" x)")
  done

  echo "   $CLAIMANTS claimants on $OPEN_DEMANDS open demands"
  read -r won refused errors seconds < <(python3 scripts/bench/volunteering-load.py claim \
    --open-ids "$WORK/open-ids.json" --claimants "$WORK/claimants.json" --claimants-count "$CLAIMANTS" \
    --base "$BASE" --api-key "$API_KEY" \
    | awk -F'[= ]' '/^claims=/ {print $2, $4, $6, $8}')
  stop_api
  IDS_SQL="$(python3 -c "import json, sys; print(','.join(repr(str(i)) for i in json.load(open(sys.argv[1]))))" \
    "$WORK/open-ids.json")"
  claimed="$(volunteering_sql "$provider" "$SQL_TARGET" \
    "SELECT COUNT(*) FROM volunteer_demands WHERE claimant_id IS NOT NULL AND id IN ($IDS_SQL)")"
  doubles="$(volunteering_sql "$provider" "$SQL_TARGET" "SELECT COUNT(*) FROM (SELECT demand_id FROM \
volunteer_demand_steps WHERE step = 'Claim' AND demand_id IN ($IDS_SQL) GROUP BY demand_id HAVING COUNT(*) > 1) d")"
  RATIOS+=("$provider: $CLAIMANTS claimants, $OPEN_DEMANDS open demands: $won claims won in ${seconds} s \
= $(python3 -c "print(f'{$won / $seconds:.0f}')") claims/s, $refused refused as already claimed, $errors other errors; \
database: $claimed claimed, double claims = $(verdict "$doubles" "== 0" "")")
done

if [ "${VOLUNTEERING_ONLY:-0}" = 1 ]; then
  echo
  cat "$RESULTS"
  echo
  for ratio in "${RATIOS[@]}"; do echo "$ratio"; done
  exit 0
fi
