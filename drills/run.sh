#!/usr/bin/env bash
# Runs one drill against the running instance: drills/run.sh <drill> [--data-dir DIR] [--key FILE]
# Prints one line of figures on stdout (the duplicates drill: one per write kind, then the summary).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
tool="$here/Inventory.Drills/bin/Debug/net10.0/Inventory.Drills.dll"
[[ -f "$tool" ]] || dotnet build "$here/Inventory.Drills" -v q -nologo >&2
exec timeout --signal=INT 15m dotnet "$tool" "$@"
