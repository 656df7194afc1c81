#!/usr/bin/env bash
# Mutation testing of the pure rules (Stryker.NET, tests/Mutation/stryker-config.json): mutates only the
# rule files and runs only the unit tests, then prints the mutation score per file and in total. Slow (minutes,
# one test process at a time), so it is not part of scripts/test.sh.
#
# Whole files are listed in the config. Some rules share a file with code that is not a pure rule (the rule-set
# document's validator and loader, the grading handler's SQL): for those this script adds Stryker's
# `file{start..end}` spans, computed here from the members' signatures so they follow the code when it moves.
# A signature that is no longer found fails the run rather than silently measuring less.
#
# Usage: scripts/mutation.sh [extra dotnet-stryker options]
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
output="$root/.artifacts/mutation"

spans=$(
  python3 - <<'EOF'
import re, sys

def member_spans(path, signatures):
    text = open(path, encoding="utf-8-sig").read()
    spans = []
    for signature in signatures:
        start = text.find(signature)
        if start < 0:
            sys.exit(f"mutation.sh: '{signature}' not found in {path}; update the list in scripts/mutation.sh")
        start = text.rfind("\n", 0, start) + 1
        # A member ends at the first line back at its own indentation that closes it, or at a blank line.
        indent = re.match(r"[ \t]*", text[start:]).group(0)
        close = text.find("\n" + indent + "}\n", start)
        blank = text.find("\n\n", start)
        end_of_block = close + len(indent) + 3 if close >= 0 else -1
        if "class " in signature:
            end = end_of_block
        else:
            end = min(i for i in (end_of_block, blank) if i >= 0)
        spans.append((start, end))
    return "".join(f"{{{a}..{b}}}" for a, b in spans)

document = "api/Modules/Organizations/Domain/RuleSetDocument.cs"
print(
    "**/Modules/Organizations/Domain/RuleSetDocument.cs"
    + member_spans(
        document,
        [
            "public GradingLevel? Level(string code)",
            "public bool IsLagging(string code)",
            "public int? StarsFor(int? score)",
            "public NumberRule GrassrootsCommitteeTermYearsOrDefault",
        ],
    )
)
EOF
)

# shellcheck source=lib/dotnet-tools.sh
source scripts/lib/dotnet-tools.sh
stryker="$(dotnet_tool dotnet-stryker 5.1.0 dotnet-stryker)" || exit 1
rm -rf "$output"
(
  cd tests/Mutation
  # On the command line a list replaces the config's, so the config's whole files are passed again with the spans.
  args=()
  while IFS= read -r pattern; do
    args+=(--mutate "$pattern")
  done < <(jq -r '.["stryker-config"].mutate[]' stryker-config.json)
  nice -n 10 "$stryker" --config-file stryker-config.json --output "$output" "${args[@]}" --mutate "$spans" "$@"
)

report=$(find "$output" -name mutation-report.json | head -n 1)
[ -n "$report" ] || { echo "mutation.sh: no report written under $output"; exit 1; }
echo
echo "Mutation score (killed + timeout) / (killed + timeout + survived + no coverage), per file:"
jq -r '
  def score(ms):
    (ms | map(select(.status == "Killed" or .status == "Timeout")) | length) as $k
    | (ms | map(select(.status == "Survived" or .status == "NoCoverage")) | length) as $s
    | if $k + $s == 0 then "n/a (no mutants)"
      else "\((10000 * $k / ($k + $s) | round) / 100)% (\($k) of \($k + $s))" end;
  (.files | to_entries[] | select(.value.mutants | any(.status != "Ignored" and .status != "CompileError"))
    | "  \(.key | sub(".*/api/"; "api/")): \(score(.value.mutants))"),
  "  total: \(score([.files[].mutants[]]))"
' "$report"
echo "Report: ${report%.json}.html"
