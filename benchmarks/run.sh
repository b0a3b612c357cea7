#!/usr/bin/env bash
# Catalog benchmark: a fresh PostgreSQL from the machine's binaries, a generated catalog loaded with binary COPY,
# then timings of list pages (first and deep), the dashboard and movement writes under concurrent load.
#   benchmarks/run.sh                                   # 100k items, 1M movements
#   benchmarks/run.sh --items 20000 --movements 200000  # smaller
#   benchmarks/run.sh --connection "Host=…;Database=…"  # an existing catalog database: loaded if empty, else used as is
# Other options: --repeats 15 (runs per read), --writers 16, --seconds 15 (write load).
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet run -c Release --project benchmarks/Inventory.Benchmarks -- "$@"
