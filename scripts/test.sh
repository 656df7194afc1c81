#!/usr/bin/env bash
# Runs every test: the .NET suite on SQLite and on a throwaway PostgreSQL 15 cluster, the SPA's unit tests,
# its lint, its production build, and browser tests in headless Chromium against the real app. Installs what is
# missing (npm packages; PostgreSQL and Debian's Chromium with apt-get when absent and root). The last line is
# "N passed, N failed"; the exit code is non-zero when anything failed or could not run.
set -uo pipefail
cd "$(dirname "$0")/.."
REPO="$(pwd)"
RESULTS="$(mktemp -d /tmp/jiceng-results.XXXXXX)"
# shellcheck source=lib/postgres.sh
source scripts/lib/postgres.sh
trap 'stop_throwaway_postgres; rm -rf "$RESULTS"' EXIT

# The counts and problems go to files: the parts that run side by side (below) are subshells.
tally() { echo "$1 $2" >>"$RESULTS/tally"; } # passed failed
problem() { echo "$1" >>"$RESULTS/problems"; tally 0 1; }
touch "$RESULTS/tally" "$RESULTS/problems"
# Each part's heading says how far into the run it starts, so a slow part shows in CI's log.
started=$SECONDS
section() { printf '== %s (at %dm%02ds)\n' "$1" $(((SECONDS - started) / 60)) $(((SECONDS - started) % 60)); }

count_trx() { # adds the counters of a TRX file
  python3 - "$1" <<'PY'
import sys, xml.etree.ElementTree as ET
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
c = ET.parse(sys.argv[1]).getroot().find(".//t:ResultSummary/t:Counters", ns)
bad = sum(int(c.get(name, 0)) for name in ("failed", "error", "timeout", "aborted"))
print(int(c.get("passed", 0)), bad)
PY
}

count_junit() { # adds the counters of a JUnit XML file
  python3 - "$1" <<'PY'
import sys, xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
suites = [root] if root.tag == "testsuite" else root.findall("testsuite")
tests = sum(int(s.get("tests", 0)) for s in suites)
bad = sum(int(s.get("failures", 0)) + int(s.get("errors", 0)) for s in suites)
skipped = sum(int(s.get("skipped", 0)) for s in suites)
print(tests - bad - skipped, bad)
PY
}

section "PostgreSQL"
if ! start_throwaway_postgres; then
  problem "PostgreSQL did not start: the .NET suite ran on SQLite only"
fi

# The browser tests' Chromium, with a CJK font so the screenshots show Chinese rather than empty boxes, installs
# while the other tests run (after PostgreSQL, which may need apt-get itself).
if { ! command -v chromium >/dev/null 2>&1 || ! fc-list 2>/dev/null | grep -qi "wqy"; } && [ "$(id -u)" = 0 ]; then
  {
    echo "   installed Debian's chromium and a CJK font"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium fonts-wqy-zenhei >/dev/null 2>&1 \
      || { apt-get update -q >/dev/null 2>&1 \
        && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium fonts-wqy-zenhei >/dev/null 2>&1; }
  } >"$RESULTS/chromium.log" 2>&1 &
else
  touch "$RESULTS/chromium.log"
fi

npm_install() { # installs a folder's npm packages unless they are all there already
  (cd "$1" && { [ -d node_modules ] && npm ls --depth=0 >/dev/null 2>&1 \
    || npm ci --no-audit --no-fund --loglevel=error; })
}
# Before anything runs side by side: two installs into one folder at once would break it.
section "npm packages (web, tests/e2e)"
npm_install web || problem "npm ci failed in web"
npm_install tests/e2e || problem "npm ci failed in tests/e2e"

run_dotnet_tests() { # name, filter; the PostgreSQL connection only for the PostgreSQL run
  local name="$1" filter="$2" postgres=()
  [ "$name" = postgres ] && postgres=(JICENG_TEST_POSTGRES="$JICENG_TEST_POSTGRES")
  section ".NET tests ($name)"
  env -u JICENG_TEST_POSTGRES "${postgres[@]}" dotnet test tests/Jiceng.Api.Tests/Jiceng.Api.Tests.csproj --no-build \
    --nologo ${filter:+--filter "$filter"} --logger "trx;LogFileName=dotnet-$name.trx" \
    --logger "console;verbosity=minimal" --results-directory "$RESULTS" >"$RESULTS/dotnet-$name.log" 2>&1
  local status=$?
  grep -vE "warning NU1603|^\s*$" "$RESULTS/dotnet-$name.log"
  if [ -f "$RESULTS/dotnet-$name.trx" ]; then
    read -r p f < <(count_trx "$RESULTS/dotnet-$name.trx")
    tally "$p" "$f"
    echo "   .NET ($name): $p passed, $f failed"
    # A test host that crashed ends the run early with only what ran counted, none of it failed: not a pass.
    if [ "$status" -ne 0 ] && [ "$f" -eq 0 ]; then
      problem ".NET test run ($name) did not complete (exit $status)"
    fi
  else
    problem ".NET tests ($name) did not run"
  fi
}

spa_checks() { # unit tests, lint and the production build of the SPA
  section "SPA unit tests (Vitest)"
  (cd web && npx vitest run --reporter=default --reporter=junit --outputFile.junit="$RESULTS/vitest.xml") 2>&1 \
    | tail -n 15
  if [ -f "$RESULTS/vitest.xml" ]; then
    read -r p f < <(count_junit "$RESULTS/vitest.xml")
    tally "$p" "$f"
    echo "   SPA: $p passed, $f failed"
  else
    problem "Vitest did not produce results"
  fi
  section "SPA lint (ESLint, including the import boundaries between features)"
  if (cd web && npx eslint --max-warnings 0 .) >"$RESULTS/lint.log" 2>&1; then
    tally 1 0; echo "   lint: clean"
  else
    cat "$RESULTS/lint.log"; problem "ESLint found problems in the SPA"
  fi
  section "SPA production build"
  if (cd web && npm run build --silent) >"$RESULTS/build.log" 2>&1; then
    tally 1 0; grep -E "gzip" "$RESULTS/build.log" | sed 's/^/   /'
  else
    cat "$RESULTS/build.log"; problem "the SPA does not build"
  fi
}

formatting_and_backup() {
  section "Formatting (scripts/format.sh --check: CSharpier, dotnet format, Prettier, lines of at most 120)"
  if scripts/format.sh --check >"$RESULTS/format.log" 2>&1; then
    tally 1 0; echo "   formatting: clean"
  else
    tail -n 40 "$RESULTS/format.log"; problem "code is not formatted: run scripts/format.sh"
  fi
  section "Backup and restore (scripts/backup.sh and scripts/restore.sh against a serving API, SQLite)"
  # On the API the .NET build made (publishing it in Release again took a minute of CPU).
  if API_DLL=api/bin/Debug/net10.0/Jiceng.Api.dll scripts/lib/backup-check.sh >"$RESULTS/backup.log" 2>&1; then
    tally 1 0; tail -n 1 "$RESULTS/backup.log" | sed 's/^/   /'
  else
    tail -n 30 "$RESULTS/backup.log"; problem "the backup and restore scripts failed"
  fi
}

section ".NET build, then two lanes side by side"
# Two cores, two lanes. One runs every .NET test on SQLite (and those without a database), then the SPA's checks;
# the other only the PostgreSQL cases, then formatting and the backup check. Much of a test's time is spent waiting
# on its database, so the two overlap well; each test host keeps its own run-wide state (ResponseRecorder) and ends
# with its WholeRun check. Each lane writes its own log, printed whole when both are done.
dotnet_build_log="$RESULTS/dotnet-build.log"
if dotnet build tests/Jiceng.Api.Tests/Jiceng.Api.Tests.csproj --nologo -v q >"$dotnet_build_log" 2>&1; then
  dotnet_built=1
else
  dotnet_built=0
  grep -E "error|rror\(s\)" "$dotnet_build_log" | tail -n 40
  problem ".NET tests did not run: the build failed"
fi
{
  [ "$dotnet_built" = 1 ] && run_dotnet_tests sqlite ""
  [ -d web/node_modules ] && spa_checks
} >"$RESULTS/lane-sqlite.log" 2>&1 &
{
  if [ "$dotnet_built" = 1 ] && [ -n "${JICENG_TEST_POSTGRES:-}" ]; then
    run_dotnet_tests postgres 'FullyQualifiedName~\(Postgres\)|FullyQualifiedName~WholeRun'
  fi
  formatting_and_backup
} >"$RESULTS/lane-postgres.log" 2>&1 &
wait
cat "$RESULTS/lane-sqlite.log" "$RESULTS/lane-postgres.log"

section "Browser tests (headless Chromium, tests/e2e)"
cat "$RESULTS/chromium.log"
if ! command -v chromium >/dev/null 2>&1; then
  problem "Chromium is not installed and could not be (needs root): browser tests did not run"
elif [ ! -f web/dist/index.html ]; then
  problem "no SPA build: browser tests did not run"
elif [ -d tests/e2e/node_modules ]; then
  (cd tests/e2e && CHROMIUM_PATH="$(command -v chromium)" npx vitest run --reporter=default --reporter=junit \
    --outputFile.junit="$RESULTS/e2e.xml") 2>&1 | tail -n 80
  if [ -f "$RESULTS/e2e.xml" ]; then
    read -r p f < <(count_junit "$RESULTS/e2e.xml")
    tally "$p" "$f"
    echo "   browser: $p passed, $f failed (screenshots in tests/e2e/artifacts)"
  else
    problem "browser tests produced no results"
  fi
else
  problem "no npm packages in tests/e2e: browser tests did not run"
fi

sed 's/^/!! /' "$RESULTS/problems"
read -r passed failed < <(awk '{ p += $1; f += $2 } END { print p + 0, f + 0 }' "$RESULTS/tally")
section "done"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
