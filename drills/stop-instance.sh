#!/usr/bin/env bash
# Stops the instance start-instance.sh started, and whatever the drills started again outside the orchestrator.
set -uo pipefail
run="$(cd "$(dirname "$0")" && pwd)/.run"
# Services and PostgreSQL a drill killed and started again are not the orchestrator's: end them first.
if [[ -f "$run/respawned.pids" ]]; then
  while read -r pid; do kill -INT "$pid" 2>/dev/null; done <"$run/respawned.pids"  # fast shutdown for postgres, Ctrl+C for a service
  for _ in $(seq 15); do alive=0; while read -r pid; do kill -0 "$pid" 2>/dev/null && alive=1; done <"$run/respawned.pids"; [[ $alive -eq 0 ]] && break; sleep 1; done
  while read -r pid; do kill -KILL "$pid" 2>/dev/null; done <"$run/respawned.pids"
  rm -f "$run/respawned.pids"
fi
if [[ -f "$run/apphost.pid" ]]; then
  pid="$(cat "$run/apphost.pid")"
  # Ctrl+C for the AppHost itself (the child of `dotnet run`), as in a terminal: it stops its resources in
  # order. Signalling the whole group at once would kill the wrappers first and orphan the services.
  apphost="$(pgrep -P "$pid" -f Inventory.AppHost || echo "$pid")"
  kill -INT "$apphost" 2>/dev/null
  for _ in $(seq 60); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
  kill -KILL -- "-$pid" 2>/dev/null
  rm -f "$run/apphost.pid"
  # The orchestrator stops the services after the AppHost has gone: wait (bounded) until PostgreSQL is down too.
  for _ in $(seq 60); do [[ -f "$run/postgres/pgdata/postmaster.pid" ]] || break; sleep 1; done
fi
