#!/usr/bin/env bash
# Shared by backup.sh and restore.sh: the defaults run.sh uses (data/jiceng.db, data/jiceng-keys.json) unless the
# environment configures otherwise, and a Jiceng.Api.dll to run a command with (api-dll.sh: API_DLL, or a publish).

export ConnectionStrings__Default="${ConnectionStrings__Default:-Data Source=$PWD/data/jiceng.db}"
export Security__KeyFile="${Security__KeyFile:-$PWD/data/jiceng-keys.json}"

# shellcheck source=api-dll.sh
source scripts/lib/api-dll.sh

api_tool() {
  ensure_api_dll
  # Warnings only: the command's own lines are its output.
  Logging__LogLevel__Default=Warning dotnet "$API_DLL" "$@"
}
