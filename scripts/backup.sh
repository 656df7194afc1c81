#!/usr/bin/env bash
# Backs up the configured database and its personal-data key file into a new folder, consistent while the API
# serves: SQLite through its online backup API, PostgreSQL through pg_dump (from PG_BIN, /usr/lib/postgresql/*/bin
# or the PATH). Configured as the API is (Database__Provider, ConnectionStrings__Default, Security__KeyFile,
# Security__DataKeys__<id>, ...); by default run.sh's data/jiceng.db and data/jiceng-keys.json.
#   scripts/backup.sh [folder]     default: backups/jiceng-<UTC time>
# The folder holds the database (jiceng.db or jiceng.dump), jiceng-keys.json unless keys are configured, and
# backup.json. Keep it as secret as the database: the key file opens every ID number in it.
set -euo pipefail
REPO="$(cd "$(dirname "$0")/.." && pwd)"
DEST="$(realpath -m "${1:-$REPO/backups/jiceng-$(date -u +%Y%m%dT%H%M%SZ)}")"
cd "$REPO"
# shellcheck source=lib/api-tool.sh
source scripts/lib/api-tool.sh
api_tool --backup "$DEST"
