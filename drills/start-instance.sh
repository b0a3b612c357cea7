#!/usr/bin/env bash
# Starts an instance for the drills: the AppHost (built), on its own data directory (drills/.run/postgres),
# trusting a key pair the drills hold, gateway on $DRILLS_GATEWAY_PORT (default 8090) and dashboard ports moved
# aside, so it runs beside a developer's own instance. Run it under: flock /tmp/inventory-apphost.lock …
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
run="$here/.run"
mkdir -p "$run"
[[ -f "$run/apphost.pid" ]] && kill -0 "$(cat "$run/apphost.pid")" 2>/dev/null && { echo "already running (pid $(cat "$run/apphost.pid"))" >&2; exit 1; }
dotnet build "$here/Inventory.Drills" -v q -nologo >&2
dotnet build "$here/../Inventory.AppHost" -v q -nologo >&2
dotnet "$here/Inventory.Drills/bin/Debug/net10.0/Inventory.Drills.dll" keys
# PostgreSQL runs as the postgres OS user when we are root: it must reach the data directory.
[[ $(id -u) -eq 0 ]] && chmod o+x "$here" "$run"
setsid dotnet run --project "$here/../Inventory.AppHost" --no-build -- \
  --Postgres:Mode=local --Postgres:DataDirectory="$run/postgres" \
  --Gateway:Port="${DRILLS_GATEWAY_PORT:-8090}" \
  --ASPNETCORE_URLS=http://localhost:15090 \
  --ASPIRE_DASHBOARD_OTLP_HTTP_ENDPOINT_URL=http://localhost:19090 \
  --ASPIRE_RESOURCE_SERVICE_ENDPOINT_URL=http://localhost:20090 \
  --Parameters:web-signing-key="$(cat "$run/web-signing-key.pem")" \
  --Parameters:web-signing-public-key="$(cat "$run/web-signing-public-key.pem")" \
  >"$run/apphost.log" 2>&1 </dev/null &
echo $! >"$run/apphost.pid"
dotnet "$here/Inventory.Drills/bin/Debug/net10.0/Inventory.Drills.dll" wait
