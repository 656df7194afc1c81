#!/usr/bin/env bash
# Formats the whole repository, or with --check (as scripts/test.sh runs it) fails where anything is not formatted:
# C# layout by CSharpier, C# whitespace (and style, when formatting) by `dotnet format`, TypeScript, CSS and JSON by
# Prettier in web/ and tests/e2e (width and indentation from .editorconfig; quotes in each package.json), and no line
# over 120 characters in any source file outside the generated ones (a formatter does not split a long string; a
# person does).
set -uo pipefail
cd "$(dirname "$0")/.."
mode="${1:-}"
status=0

# shellcheck source=lib/dotnet-tools.sh
source scripts/lib/dotnet-tools.sh
csharpier="$(dotnet_tool csharpier 1.3.0 csharpier)" || exit 1
for dir in web tests/e2e; do
  if [ ! -x "$dir/node_modules/.bin/prettier" ]; then
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error) || { echo "npm ci failed in $dir"; exit 1; }
  fi
done

if [ "$mode" = "--check" ]; then
  "$csharpier" check . || status=1
  # Whitespace only, file by file: style and analyzer rules are already errors in every build (Directory.Build.props:
  # TreatWarningsAsErrors, EnforceCodeStyleInBuild), and loading the solution to check them again took two minutes of
  # CPU in each test run.
  dotnet format whitespace . --folder --verify-no-changes || status=1
  (cd web && npx prettier --check --log-level warn .) || status=1
  (cd tests/e2e && npx prettier --check --log-level warn .) || status=1
else
  dotnet format style Api.sln 2>&1 | grep -v "^Warnings were encountered"
  "$csharpier" format .
  (cd web && npx prettier --write --log-level warn .)
  (cd tests/e2e && npx prettier --write --log-level warn .)
fi

# Generated files and data files are exempt: the OpenAPI document and its types, seed data, lock files.
# Characters, not bytes: a line of Chinese text is measured as a reader sees it.
long_lines="$(git ls-files -co --exclude-standard -- '*.cs' '*.ts' '*.tsx' '*.js' '*.mjs' '*.css' '*.sh' '*.csproj' \
  '*.props' '*.html' '*.yml' \
  | grep -vE '(^|/)node_modules/|^web/src/types/api\.ts$|^web/dist/' \
  | python3 -c '
import sys
for name in sys.stdin.read().split():
    with open(name, encoding="utf-8") as source:
        for number, line in enumerate(source, 1):
            if len(line.rstrip("\n")) > 120:
                print(f"{name}:{number}: {len(line.rstrip())} characters")
')"
if [ -n "$long_lines" ]; then
  echo "$long_lines"
  echo "$(echo "$long_lines" | wc -l) lines over 120 characters"
  status=1
fi
exit $status
