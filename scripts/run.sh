#!/usr/bin/env bash
# Builds the API and the SPA, migrates the embedded SQLite database (data/jiceng.db), seeds the demo data
# from the source articles on first start, and serves the SPA, the API and /swagger on one port.
# PORT (default 5080) and HOST (default 127.0.0.1) choose where it listens.
set -euo pipefail
cd "$(dirname "$0")/.."
PORT="${PORT:-5080}"
HOST="${HOST:-127.0.0.1}"

echo "== Building the SPA"
(cd web && { [ -d node_modules ] || npm ci --no-audit --no-fund --loglevel=error; } && npm run build --silent)
echo "== Building the API"
dotnet publish api/Jiceng.Api.csproj -c Release -o .artifacts/api --nologo -v quiet 2>&1 \
  | grep -vE "warning NU1603" || true

mkdir -p data
export ConnectionStrings__Default="${ConnectionStrings__Default:-Data Source=$PWD/data/jiceng.db}"
# Absolute, like every path here: the server's content root is its own folder (.artifacts/api), not this one.
export Security__KeyFile="${Security__KeyFile:-$PWD/data/jiceng-keys.json}"
export Demo__SeedDirectory="$PWD/scripts/seed"
export Spa__Root="$PWD/web/dist"
# Development: the session cookie may travel over plain http://localhost, and logs are one readable line each.
export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"

dotnet .artifacts/api/Jiceng.Api.dll --urls "http://$HOST:$PORT" &
API_PID=$!
trap 'kill $API_PID 2>/dev/null; wait $API_PID 2>/dev/null' INT TERM EXIT
# Up to three minutes: the first start seeds the demo through the commands (volunteering's article figures are
# some 70,000 of them, about a minute on SQLite).
for _ in $(seq 1 360); do
  if curl -sf "http://127.0.0.1:$PORT/health/ready" >/dev/null 2>&1; then break; fi
  kill -0 $API_PID 2>/dev/null || { echo "The API stopped during start-up." >&2; exit 1; }
  sleep 0.5
done
cat <<INFO

  Jiceng 基层 is running:   http://localhost:$PORT
  API documentation:        http://localhost:$PORT/swagger
  Database:                 ${ConnectionStrings__Default}
  Demo sign-in (password jiceng-demo-2026 for every one):
    admin                        system administrator, whole tree
    demo-auditor                 auditor (read-only and the audit log), whole tree
    demo-organization-admin      organization administrator, 中共鸡西市委员会 and below
    demo-member-manager          member manager, 鸡西
    demo-volunteer-coordinator   volunteer coordinator, 鸡西
    demo-collective-accountant   collective-economy accountant, 鸡西
    demo-rural-economy-reviewer  township rural-economy station (reviews and approves plans), 鸡西
    demo-fund-manager            care-fund manager, 鸡西
    demo-fund-approver           care-fund approver, 鸡西
    demo-fund-clerk              care-fund manager who applies for the branches, 鸡西
    demo-fund-cashier            care-fund manager who pays, 鸡西
    demo-fund-approver-district  care-fund approver of the district's tier, 鸡西
    demo-viewer                  viewer, 鸡西
  Sign in on the page (the organization tree so far), or in Swagger with POST /api/v1/auth/sign-in.

  Press Ctrl+C to stop.
INFO
wait $API_PID
