#!/usr/bin/env bash
# Shared by backup.sh and restore.sh: the defaults run.sh uses (data/jiceng.db, data/jiceng-keys.json) unless the
# environment configures otherwise, and a published Jiceng.Api.dll to run a command with. API_DLL names one;
# without it the API is published to .artifacts/api-tools (never over .artifacts/api, which a running
# server may be executing).

export ConnectionStrings__Default="${ConnectionStrings__Default:-Data Source=$PWD/data/jiceng.db}"
export Security__KeyFile="${Security__KeyFile:-$PWD/data/jiceng-keys.json}"

ensure_api_dll() { # sets API_DLL, publishing the API when it names none
  if [ -z "${API_DLL:-}" ]; then
    dotnet publish api/Jiceng.Api.csproj -c Release -o .artifacts/api-tools --nologo -v quiet 2>&1 \
      | grep -vE "warning NU1603" || true
    API_DLL=.artifacts/api-tools/Jiceng.Api.dll
  fi
}

api_tool() {
  ensure_api_dll
  # Warnings only: the command's own lines are its output.
  Logging__LogLevel__Default=Warning dotnet "$API_DLL" "$@"
}
