#!/usr/bin/env bash
# Regenerates the SPA's API types: starts the built API on a throwaway SQLite database, saves its OpenAPI
# document as web/src/types/openapi.json and generates web/src/types/api.ts with openapi-typescript.
# Run it after changing any endpoint or request/response type; tests fail while either file is stale.
set -euo pipefail
cd "$(dirname "$0")/.."
WORK="$(mktemp -d /tmp/jiceng-gen.XXXXXX)"
API_PID=""
trap '[ -n "$API_PID" ] && kill "$API_PID" 2>/dev/null; rm -rf "$WORK"' EXIT
PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')"

dotnet build api/Jiceng.Api.csproj --nologo -v quiet 2>&1 | grep -vE "warning NU1603" || true
ConnectionStrings__Default="Data Source=$WORK/gen.db" Security__KeyFile="$WORK/keys.json" \
  Logging__LogLevel__Default=Warning \
  dotnet api/bin/Debug/net10.0/Jiceng.Api.dll --urls "http://127.0.0.1:$PORT" >"$WORK/api.log" 2>&1 &
API_PID=$!
for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$PORT/health/ready" >/dev/null 2>&1 && break; sleep 0.5; done
curl -sf "http://127.0.0.1:$PORT/swagger/v1/swagger.json" \
  | python3 -c 'import json,sys; print(json.dumps(json.load(sys.stdin), ensure_ascii=False, indent=2))' \
  >web/src/types/openapi.json
(cd web && { [ -d node_modules ] || npm ci --no-audit --no-fund --loglevel=error; } \
  && node tools/generate-api-types.mjs src/types/openapi.json >src/types/api.ts)
echo "wrote web/src/types/openapi.json and web/src/types/api.ts"
