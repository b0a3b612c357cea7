#!/usr/bin/env bash
# Every drill once, each on a freshly started instance (a drill may leave a service running outside the
# orchestrator), figures appended to drills/.run/figures.txt. Takes about 15 minutes.
#   flock /tmp/inventory-apphost.lock drills/run-all.sh [drill …]
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
drills=("$@")
[[ ${#drills[@]} -gt 0 ]] || drills=(one-row duplicates db-cut db-freeze catalog-kill db-stop catalog-down)
mkdir -p "$here/.run"
echo "# $(date -u +%FT%TZ) $(git -C "$here" rev-parse --short HEAD) $(git -C "$here" rev-parse --abbrev-ref HEAD)" >>"$here/.run/figures.txt" 2>/dev/null || true
for drill in "${drills[@]}"; do
  "$here/start-instance.sh" >&2 || { echo "$drill: instance did not start" | tee -a "$here/.run/figures.txt"; "$here/stop-instance.sh"; continue; }
  "$here/run.sh" "$drill" | tee -a "$here/.run/figures.txt"
  "$here/stop-instance.sh"
done
