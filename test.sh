#!/usr/bin/env bash
# Runs the whole test suite, every layer: unit, service and web (in process on a real PostgreSQL), browser
# (Chromium through the in-process gateway) and end-to-end (the whole AppHost). See docs/development.md.
# On a fresh machine it first installs what the tests need (see eng/install-prerequisites.sh).
set -euo pipefail
cd "$(dirname "$0")"

./eng/install-prerequisites.sh
dotnet tool restore >/dev/null
dotnet build Inventory.sln

log="$(mktemp)"
status=0
dotnet test Inventory.sln --no-build "$@" 2>&1 | tee "$log" || status=$?

# One plain summary line for CI: "N passed, N failed".
summary="$(grep -E '(Passed|Failed)!  - Failed:' "$log" | tail -1 || true)"
if [[ -n "$summary" ]]; then
    failed="$(sed -E 's/.*Failed: +([0-9]+),.*/\1/' <<<"$summary")"
    passed="$(sed -E 's/.*Passed: +([0-9]+),.*/\1/' <<<"$summary")"
    echo "tests: ${passed} passed, ${failed} failed"
fi
rm -f "$log"
exit "$status"
