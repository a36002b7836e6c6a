#!/usr/bin/env bash
# Runs every test project of the solution and ends with one line:
#   tests: N passed, N failed, N skipped
# Installs missing test dependencies first (scripts/setup.sh). Exits non-zero on any failure.
set -uo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh || exit 1

log=$(mktemp)
trap 'rm -f "$log"' EXIT
dotnet test Hyper.Live.slnx "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# One summary line per test assembly: "Passed!  - Failed: 0, Passed: 55, Skipped: 0, Total: 55, ..."
sum() { grep -E '^(Passed|Failed)! ' "$log" | sed -E "s/.* $1: +([0-9]+).*/\\1/" | awk '{ s += $1 } END { print s + 0 }'; }
passed=$(sum Passed)
failed=$(sum Failed)
skipped=$(sum Skipped)
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  failed=1 # a build or test-host failure that produced no summary still counts
fi
echo "tests: $passed passed, $failed failed, $skipped skipped"
exit "$status"
