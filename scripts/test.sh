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

passed=0
failed=0
problems=()
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
  problems+=("PostgreSQL did not start: the .NET suite ran on SQLite only")
  failed=$((failed + 1))
fi

section ".NET tests (SQLite${JICENG_TEST_POSTGRES:+ and PostgreSQL, side by side})"
# Built once, then two test hosts at once: one runs every test on SQLite (and those without a database), the other
# only the PostgreSQL cases. Much of a test's time is spent waiting on its database, so the two overlap well on two
# cores; each host keeps its own run-wide state (ResponseRecorder), and each ends with its WholeRun check.
dotnet_build_log="$RESULTS/dotnet-build.log"
if dotnet build tests/Jiceng.Api.Tests/Jiceng.Api.Tests.csproj --nologo -v q >"$dotnet_build_log" 2>&1; then
  run_dotnet_tests() { # name, filter; the PostgreSQL connection only for the PostgreSQL run
    local name="$1" filter="$2" postgres=()
    [ "$name" = postgres ] && postgres=(JICENG_TEST_POSTGRES="$JICENG_TEST_POSTGRES")
    env -u JICENG_TEST_POSTGRES "${postgres[@]}" dotnet test tests/Jiceng.Api.Tests/Jiceng.Api.Tests.csproj --no-build \
      --nologo ${filter:+--filter "$filter"} --logger "trx;LogFileName=dotnet-$name.trx" \
      --logger "console;verbosity=minimal" --results-directory "$RESULTS" >"$RESULTS/dotnet-$name.log" 2>&1
    echo $? >"$RESULTS/dotnet-$name.status"
  }
  runs=(sqlite)
  run_dotnet_tests sqlite "" &
  if [ -n "${JICENG_TEST_POSTGRES:-}" ]; then
    runs+=(postgres)
    run_dotnet_tests postgres 'FullyQualifiedName~\(Postgres\)|FullyQualifiedName~WholeRun' &
  fi
  wait
  for run in "${runs[@]}"; do
    grep -vE "warning NU1603|^\s*$" "$RESULTS/dotnet-$run.log"
    if [ -f "$RESULTS/dotnet-$run.trx" ]; then
      read -r p f < <(count_trx "$RESULTS/dotnet-$run.trx")
      passed=$((passed + p)); failed=$((failed + f))
      echo "   .NET ($run): $p passed, $f failed"
      # A test host that crashed ends the run early with only what ran counted, none of it failed: not a pass.
      if [ "$(cat "$RESULTS/dotnet-$run.status")" -ne 0 ] && [ "$f" -eq 0 ]; then
        problems+=(".NET test run ($run) did not complete (exit $(cat "$RESULTS/dotnet-$run.status"))")
        failed=$((failed + 1))
      fi
    else
      problems+=(".NET tests ($run) did not run"); failed=$((failed + 1))
    fi
  done
else
  grep -E "error|rror\(s\)" "$dotnet_build_log" | tail -n 40
  problems+=(".NET tests did not run: the build failed"); failed=$((failed + 1))
fi

section "SPA unit tests (Vitest)"
npm_install() { # installs a folder's npm packages unless they are all there already
  (cd "$1" && { [ -d node_modules ] && npm ls --depth=0 >/dev/null 2>&1 \
    || npm ci --no-audit --no-fund --loglevel=error; })
}

if npm_install web; then
  (cd web && npx vitest run --reporter=default --reporter=junit --outputFile.junit="$RESULTS/vitest.xml") 2>&1 \
    | tail -n 15
  if [ -f "$RESULTS/vitest.xml" ]; then
    read -r p f < <(count_junit "$RESULTS/vitest.xml")
    passed=$((passed + p)); failed=$((failed + f))
    echo "   SPA: $p passed, $f failed"
  else
    problems+=("Vitest did not produce results"); failed=$((failed + 1))
  fi
  section "SPA lint (ESLint, including the import boundaries between features)"
  if (cd web && npx eslint --max-warnings 0 .) >"$RESULTS/lint.log" 2>&1; then
    passed=$((passed + 1)); echo "   lint: clean"
  else
    cat "$RESULTS/lint.log"; problems+=("ESLint found problems in the SPA"); failed=$((failed + 1))
  fi
  section "SPA production build"
  if (cd web && npm run build --silent) >"$RESULTS/build.log" 2>&1; then
    passed=$((passed + 1)); grep -E "gzip" "$RESULTS/build.log" | sed 's/^/   /'
  else
    cat "$RESULTS/build.log"; problems+=("the SPA does not build"); failed=$((failed + 1))
  fi
else
  problems+=("npm ci failed"); failed=$((failed + 1))
fi

section "Formatting (scripts/format.sh --check: CSharpier, dotnet format, Prettier, lines of at most 120)"
if scripts/format.sh --check >"$RESULTS/format.log" 2>&1; then
  passed=$((passed + 1)); echo "   formatting: clean"
else
  tail -n 40 "$RESULTS/format.log"; problems+=("code is not formatted: run scripts/format.sh"); failed=$((failed + 1))
fi

section "Backup and restore (scripts/backup.sh and scripts/restore.sh against a serving API, SQLite)"
if scripts/lib/backup-check.sh >"$RESULTS/backup.log" 2>&1; then
  passed=$((passed + 1)); tail -n 1 "$RESULTS/backup.log" | sed 's/^/   /'
else
  tail -n 30 "$RESULTS/backup.log"; problems+=("the backup and restore scripts failed"); failed=$((failed + 1))
fi

section "Browser tests (headless Chromium, tests/e2e)"
if { ! command -v chromium >/dev/null 2>&1 || ! fc-list 2>/dev/null | grep -qi "wqy"; } && [ "$(id -u)" = 0 ]; then
  # A CJK font too, so the screenshots show Chinese rather than empty boxes.
  echo "   installing Debian's chromium and a CJK font"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium fonts-wqy-zenhei >/dev/null 2>&1 \
    || { apt-get update -q >/dev/null 2>&1 \
      && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium fonts-wqy-zenhei >/dev/null 2>&1; }
fi
if ! command -v chromium >/dev/null 2>&1; then
  problems+=("Chromium is not installed and could not be (needs root): browser tests did not run")
  failed=$((failed + 1))
elif [ ! -f web/dist/index.html ]; then
  problems+=("no SPA build: browser tests did not run"); failed=$((failed + 1))
elif npm_install tests/e2e; then
  (cd tests/e2e && CHROMIUM_PATH="$(command -v chromium)" npx vitest run --reporter=default --reporter=junit \
    --outputFile.junit="$RESULTS/e2e.xml") 2>&1 | tail -n 80
  if [ -f "$RESULTS/e2e.xml" ]; then
    read -r p f < <(count_junit "$RESULTS/e2e.xml")
    passed=$((passed + p)); failed=$((failed + f))
    echo "   browser: $p passed, $f failed (screenshots in tests/e2e/artifacts)"
  else
    problems+=("browser tests produced no results"); failed=$((failed + 1))
  fi
else
  problems+=("npm ci failed in tests/e2e"); failed=$((failed + 1))
fi

for problem in "${problems[@]}"; do echo "!! $problem"; done
section "done"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
