#!/usr/bin/env bash
# ensure_api_dll: API_DLL names a built Jiceng.Api.dll to run; without it the API is published to
# .artifacts/api-tools (never over .artifacts/api, which a running server may be executing). Sourced by api-tool.sh
# and by the backup check, which must not take api-tool.sh's database defaults.

ensure_api_dll() { # sets API_DLL, publishing the API when it names none
  if [ -z "${API_DLL:-}" ]; then
    dotnet publish api/Jiceng.Api.csproj -c Release -o .artifacts/api-tools --nologo -v quiet 2>&1 \
      | grep -vE "warning NU1603" || true
    API_DLL=.artifacts/api-tools/Jiceng.Api.dll
  fi
}
