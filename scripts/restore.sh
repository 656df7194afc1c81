#!/usr/bin/env bash
# Restores a folder written by backup.sh into the configured database, and its key file to Security:KeyFile (a
# different key file already there is kept beside it as <name>.before-restore-<time>). Stop the API first; it
# applies any newer migrations when it starts. On PostgreSQL the database must exist (pg_restore --clean
# replaces what is in it). Configured as backup.sh is.
#   scripts/restore.sh <folder>
set -euo pipefail
REPO="$(cd "$(dirname "$0")/.." && pwd)"
[ $# -eq 1 ] || { echo "usage: scripts/restore.sh <backup folder>" >&2; exit 2; }
SOURCE="$(realpath -m "$1")"
cd "$REPO"
# shellcheck source=lib/api-tool.sh
source scripts/lib/api-tool.sh
api_tool --restore "$SOURCE"
