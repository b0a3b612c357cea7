#!/usr/bin/env bash
# Issue 14's benchmark suite, one command on one machine (docs/benchmarks.md, "Suite"):
#   benchmarks/suite.sh            # 100k items / 1M movements, ~20 s per step; about 12–15 minutes
#   benchmarks/suite.sh --quick    # 5k items / 50k movements, 5 s per step: a smoke check
#   benchmarks/suite.sh --no-doc   # print the figures only, leave docs/benchmarks.md alone
#   benchmarks/suite.sh --only=p3  # P3 alone (static file and page: Web, gateway, nginx) and RSS; no data, no doc
# Installs wrk and nginx from Debian packages when missing, builds Release, starts its own PostgreSQL (own data
# directory and port) and the four services against it, runs P1–P5, prints every figure against the issue's goals
# and regenerates the table at the top of docs/benchmarks.md. Everything it started is stopped at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

QUICK=0 WRITE_DOC=1 ONLY=
for arg in "$@"; do
  case "$arg" in
    --quick) QUICK=1 ;;
    --no-doc) WRITE_DOC=0 ;;
    --only=p3) ONLY=p3 WRITE_DOC=0 ;;
    -h|--help) sed -n '2,9p' "$0"; exit 0 ;;
    *) echo "suite.sh: unknown argument '$arg' (expected --quick, --no-doc, --only=p3)" >&2; exit 2 ;;
  esac
done
# The steps that need the loaded data and a signed-in user; --only=p3 skips them.
full() { [ -z "$ONLY" ]; }
if [ "$QUICK" = 1 ]; then
  ITEMS=5000 MOVEMENTS=50000 STEP=5 WARM_STEP=2 WRK_STEP=5 WRITE_STEP=5 ORDERS=40 SUPPLIERS=5 SIZE="5,000 items / 50,000 movements (quick)"
else
  ITEMS=100000 MOVEMENTS=1000000 STEP=20 WARM_STEP=5 WRK_STEP=10 WRITE_STEP=15 ORDERS=300 SUPPLIERS=20 SIZE="100,000 items / 1,000,000 movements"
fi
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
STARTED_AT=$(date -u '+%Y-%m-%d %H:%M UTC')
WORK=$(mktemp -d /tmp/inventory-suite.XXXXXX)
RESULTS=$WORK/results.tsv
PIDS=()
log() { printf '\n== %s (%s)\n' "$*" "$(date -u +%H:%M:%S)"; }

# --- tools -----------------------------------------------------------------------------------------------------
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
missing=()
command -v wrk >/dev/null || missing+=(wrk)
command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || missing+=(nginx)
PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
[ -n "$PG_BIN" ] && [ -x "$PG_BIN/pgbench" ] || missing+=(postgresql postgresql-contrib)
if [ ${#missing[@]} -gt 0 ]; then
  log "Installing ${missing[*]} (Debian packages)"
  as_root apt-get install -y "${missing[@]}" || { as_root apt-get update && as_root apt-get install -y "${missing[@]}"; }
  PG_BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
fi
NGINX=$(command -v nginx || echo /usr/sbin/nginx)

# --- cleanup: everything started here, by its id -----------------------------------------------------------------
PG_DATA=$WORK/pg
pg() { if [ "$(id -u)" = 0 ]; then setpriv --reuid=postgres --regid=postgres --init-groups -- "$@"; else "$@"; fi; }
cleanup() {
  set +e
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null; done
  [ -f "$WORK/nginx/nginx.pid" ] && kill "$(cat "$WORK/nginx/nginx.pid")" 2>/dev/null
  [ -f "$WORK/sink/nginx.pid" ] && kill "$(cat "$WORK/sink/nginx.pid")" 2>/dev/null
  [ -f "$PG_DATA/postmaster.pid" ] && pg "$PG_BIN/pg_ctl" -D "$PG_DATA" stop -m fast -w >/dev/null 2>&1
  [ -n "${NGINX_CACHE:-}" ] && rm -rf "$NGINX_CACHE"
  if [ "${KEEP_WORK:-0}" = 1 ]; then echo "Logs kept in $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
free_port() { local p; while :; do p=$((20000 + RANDOM % 30000)); port_free "$p" && { echo "$p"; return; }; done; }

# --- build -----------------------------------------------------------------------------------------------------
log "Building Release"
# The Aspire dashboard the services export to comes with the AppHost's packages (a fresh machine has none yet).
dotnet restore Inventory.AppHost -v q -nologo >"$WORK/build.log" 2>&1 || { tail -20 "$WORK/build.log"; exit 1; }
for project in Inventory.Gateway Inventory.Web Inventory.CatalogService Inventory.ProcurementService benchmarks/Inventory.Benchmarks; do
  dotnet build -c Release "$project" -v q -nologo >"$WORK/build.log" 2>&1 || { grep -E "error" "$WORK/build.log" | sort -u | head -20; exit 1; }
done
TOOL="dotnet $ROOT/benchmarks/Inventory.Benchmarks/bin/Release/net10.0/Inventory.Benchmarks.dll"

# --- PostgreSQL of its own ---------------------------------------------------------------------------------------
PG_PORT=$(free_port)
log "PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on port $PG_PORT, data in $PG_DATA"
mkdir -p "$PG_DATA" && [ "$(id -u)" = 0 ] && chown postgres:postgres "$WORK" "$PG_DATA"
pg "$PG_BIN/initdb" -D "$PG_DATA" -U postgres --auth=trust -E UTF8 >/dev/null
pg "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$PG_DATA/server.log" -w start \
  -o "-p $PG_PORT -k $PG_DATA -c listen_addresses=127.0.0.1 -c shared_buffers=256MB -c max_connections=300" >/dev/null
for db in catalogdb procurementdb webdb; do pg "$PG_BIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U postgres "$db"; done
conn() { echo "Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Password=unused;Database=$1"; }

if full; then
  log "Loading $SIZE with the bulk generator"
  $TOOL load-data --connection "$(conn catalogdb)" --items "$ITEMS" --movements "$MOVEMENTS"
fi
$TOOL keys --out "$WORK/keys"
DASHBOARD=$(ls -d "${NUGET_PACKAGES:-$HOME/.nuget/packages}"/aspire.dashboard.sdk.linux-x64/*/tools/Aspire.Dashboard 2>/dev/null | sort -V | tail -1 || true)

# --- the services, as the AppHost wires them -----------------------------------------------------------------------
CATALOG_PORT=$(free_port) PROCUREMENT_PORT=$(free_port) WEB_PORT=$(free_port) GATEWAY_PORT=$(free_port)
OTLP_PORT=$(free_port) DASHBOARD_PORT=$(free_port) NGINX_PORT=$(free_port) SINK_PORT=$(free_port)
declare -A SERVICE_PID
# SERVICE_ENV: extra NAME=value settings for every service (space-separated), e.g. a log level to look into one.
SERVICE_ENV=${SERVICE_ENV:-}
start_service() { # name project port telemetry(on|off) env…
  local name=$1 project=$2 port=$3 telemetry=$4; shift 4
  local otlp=() export=(OTEL_BLRP_SCHEDULE_DELAY=1000 OTEL_BSP_SCHEDULE_DELAY=1000 OTEL_METRIC_EXPORT_INTERVAL=1000
    OTEL_TRACES_SAMPLER=always_on OTEL_METRICS_EXEMPLAR_FILTER=trace_based)
  # on: to the Aspire dashboard, as the AppHost sends it (OTLP/HTTP); collector: the same telemetry to the sink (otlp-sink.conf.in).
  [ "$telemetry" = on ] && otlp=(OTEL_EXPORTER_OTLP_ENDPOINT="http://127.0.0.1:$OTLP_PORT" OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf "${export[@]}")
  [ "$telemetry" = collector ] && otlp=(OTEL_EXPORTER_OTLP_ENDPOINT="http://127.0.0.1:$SINK_PORT" OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf "${export[@]}")
  # MALLOC_ARENA_MAX as the AppHost, the images and the systemd units set it (docs/operations.md, "Memory").
  (cd "$ROOT/$project" && exec env ASPNETCORE_ENVIRONMENT=Development DOTNET_ENVIRONMENT=Development MALLOC_ARENA_MAX=2 \
    ASPNETCORE_URLS="http://127.0.0.1:$port" ASPNETCORE_FORWARDEDHEADERS_ENABLED=false OTEL_SERVICE_NAME="$name" "${otlp[@]}" "$@" $SERVICE_ENV \
    dotnet "bin/Release/net10.0/$project.dll" >>"$WORK/$name.log" 2>&1) &
  SERVICE_PID[$name]=$!
  PIDS+=($!)
}
wait_healthy() { # name port
  for _ in $(seq 1 600); do
    curl -fsS -o /dev/null "http://127.0.0.1:$2/health" 2>/dev/null && return 0
    kill -0 "${SERVICE_PID[$1]}" 2>/dev/null || { echo "$1 exited; its log:"; tail -30 "$WORK/$1.log"; exit 1; }
    sleep 0.1
  done
  echo "$1 not healthy after 60 s"; tail -30 "$WORK/$1.log"; exit 1
}
start_app() { # telemetry(on|off); sets START_SECONDS
  local telemetry=$1 began
  local user_key=Auth__UserTokens__PublicKey
  began=$(date +%s.%N)
  start_service catalog Inventory.CatalogService "$CATALOG_PORT" "$telemetry" ConnectionStrings__catalogdb="$(conn catalogdb)" \
    "$user_key=$(cat "$WORK/keys/web.pub")" Auth__ServiceTokens__procurement__PublicKey="$(cat "$WORK/keys/procurement.pub")"
  start_service procurement Inventory.ProcurementService "$PROCUREMENT_PORT" "$telemetry" ConnectionStrings__procurementdb="$(conn procurementdb)" \
    "$user_key=$(cat "$WORK/keys/web.pub")" Auth__SigningKey="$(cat "$WORK/keys/procurement.key")" \
    services__catalog__http__0="http://127.0.0.1:$CATALOG_PORT"
  wait_healthy catalog "$CATALOG_PORT"
  wait_healthy procurement "$PROCUREMENT_PORT"
  start_service web Inventory.Web "$WEB_PORT" "$telemetry" ConnectionStrings__webdb="$(conn webdb)" Auth__SigningKey="$(cat "$WORK/keys/web.key")" \
    services__catalog__http__0="http://127.0.0.1:$CATALOG_PORT" services__procurement__http__0="http://127.0.0.1:$PROCUREMENT_PORT"
  wait_healthy web "$WEB_PORT"
  # One client (127.0.0.1) makes all the load: rate-limit budgets it never reaches, as the end-to-end tests set them.
  start_service gateway Inventory.Gateway "$GATEWAY_PORT" "$telemetry" services__web__http__0="http://127.0.0.1:$WEB_PORT" \
    "$user_key=$(cat "$WORK/keys/web.pub")" RateLimiting__Global__PermitLimit=1000000 RateLimiting__Writes__PermitLimit=1000000 \
    RateLimiting__SignIn__PermitLimit=1000000
  wait_healthy gateway "$GATEWAY_PORT"
  START_SECONDS=$(awk -v a="$began" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')
}
stop_app() {
  local name
  for name in gateway web procurement catalog; do kill "${SERVICE_PID[$name]}" 2>/dev/null || true; wait "${SERVICE_PID[$name]}" 2>/dev/null || true; done
}
# CPU time (clock ticks) of the given processes together.
ticks() { local pid; for pid in "$@"; do awk '{ print $14 + $15 }' "/proc/$pid/stat" 2>/dev/null; done | awk '{ t += $1 } END { print t + 0 }'; }
# What the idle processes cost (% of one core) over some seconds: the services' timers and metric exports, and the
# dashboard ingesting them (after a load also its backlog of the load's telemetry).
idle_cpu() { # phase seconds
  local name i=0 percent idle="" before=()
  local names=(gateway web catalog procurement dashboard)
  for name in "${names[@]}"; do before+=("$(ticks ${SERVICE_PID[$name]:-${DASHBOARD_PID:-}})"); done
  sleep "$2"
  for name in "${names[@]}"; do
    percent=$(awk -v t="$(( $(ticks ${SERVICE_PID[$name]:-${DASHBOARD_PID:-}}) - ${before[$i]} ))" -v s="$2" 'BEGIN { printf "%.1f", t / s }')
    idle+=" $name $percent %"
    printf 'p5.idle_cpu_%s.%s\t%s\n' "$1" "$name" "$percent" >>"$RESULTS"
    i=$((i + 1))
  done
  echo "  CPU while idle ($1, $2 s, of one core):$idle"
}
rss() { # phase
  local name
  for name in gateway web catalog procurement; do
    local kb; kb=$(awk '/^VmRSS/ {print $2}' "/proc/${SERVICE_PID[$name]}/status")
    printf 'p5.rss_%s.%s\t%s\n' "$1" "$name" "$(awk -v kb="$kb" 'BEGIN { printf "%.1f", kb / 1024 }')" >>"$RESULTS"
    printf '  RSS %-6s %-12s %6d MiB\n' "$1" "$name" $((kb / 1024))
  done
}

if [ -n "$DASHBOARD" ]; then
  log "Aspire dashboard (receives the services' telemetry, as under the AppHost) on port $DASHBOARD_PORT"
  ASPNETCORE_URLS="http://127.0.0.1:$DASHBOARD_PORT" ASPIRE_DASHBOARD_OTLP_HTTP_ENDPOINT_URL="http://127.0.0.1:$OTLP_PORT" \
    ASPIRE_DASHBOARD_UNSECURED_ALLOW_ANONYMOUS=true "$DASHBOARD" >"$WORK/dashboard.log" 2>&1 &
  PIDS+=($!)
  DASHBOARD_PID=$!
  TELEMETRY=on
else
  echo "No Aspire dashboard in the NuGet cache (restore Inventory.AppHost): running the first pass with OTLP off too."
  TELEMETRY=off
fi

log "P5 start to healthy (catalog + procurement, then Web, then the gateway; Release; telemetry $TELEMETRY)"
start_app "$TELEMETRY"
printf 'p5.start_s\t%s\n' "$START_SECONDS" >>"$RESULTS"
echo "  all four healthy in $START_SECONDS s"
sleep 3
rss idle
idle_cpu start 10

if full; then # until P2's end
log "Procurement data and the steps' targets"
$TOOL prepare --connection "$(conn catalogdb)" --procurement "http://127.0.0.1:$PROCUREMENT_PORT" --web-key "$WORK/keys/web.key" \
  --suppliers "$SUPPLIERS" --orders "$ORDERS" --out "$WORK/targets.env"
# shellcheck disable=SC1091
. "$WORK/targets.env"
COOKIE=$($TOOL signin --url "http://127.0.0.1:$GATEWAY_PORT")
bearer() { $TOOL mint --web-key "$WORK/keys/web.key" 2>/dev/null; }

open_loop() { # label url rate seconds header
  $TOOL open-loop --label "$1" --url "$2" --rate "$3" --seconds "$4" --header "$5" --results "$RESULTS"
}
p1() { # variant-suffix paths…
  local suffix=$1; shift
  local case query path
  for case in first deep search category; do
    case $case in
      first) query="" ;; deep) query="after=$DEEP_CURSOR" ;; search) query="search=$SEARCH_TERM" ;; category) query="categoryId=$CATEGORY_ID" ;;
    esac
    for path in "$@"; do
      case $path in
        gateway) open_loop "p1.$case.gateway$suffix" "http://127.0.0.1:$GATEWAY_PORT/inventory?$query" 100 "$STEP" "Cookie: $COOKIE" ;;
        web) open_loop "p1.$case.web$suffix" "http://127.0.0.1:$WEB_PORT/inventory?$query" 100 "$STEP" "Cookie: $COOKIE" ;;
        api) open_loop "p1.$case.api$suffix" "http://127.0.0.1:$CATALOG_PORT/api/items?pageSize=25&$query" 100 "$STEP" "Authorization: Bearer $(bearer)" ;;
      esac
    done
  done
}
# Every P1 address once at half the rate before the measured steps (not counted): a service just started runs its
# first pages through tiered JIT and cold caches, which would otherwise land on whichever step comes first.
warm_up() {
  local query
  for query in "" "after=$DEEP_CURSOR" "search=$SEARCH_TERM" "categoryId=$CATEGORY_ID"; do
    $TOOL open-loop --label warm-up --url "http://127.0.0.1:$GATEWAY_PORT/inventory?$query" --rate 50 --seconds "$WARM_STEP" \
      --header "Cookie: $COOKIE" --results /dev/null > /dev/null
  done
}
log "P1 the inventory list at 100 req/s: through the gateway, Web directly, the catalog API ($STEP s each, after a warm-up)"
warm_up
p1 "" gateway web api

log "P4 dashboard, item page ($BUSY_ITEM_MOVEMENTS movements), PO list at 10 req/s through the gateway"
open_loop p4.dashboard.gateway "http://127.0.0.1:$GATEWAY_PORT/dashboard" 10 "$STEP" "Cookie: $COOKIE"
open_loop p4.item.gateway "http://127.0.0.1:$GATEWAY_PORT/inventory/$BUSY_ITEM_ID" 10 "$STEP" "Cookie: $COOKIE"
open_loop p4.polist.gateway "http://127.0.0.1:$GATEWAY_PORT/purchase-orders" 10 "$STEP" "Cookie: $COOKIE"

log "P2 movements/s with 16 writers: the catalog API, then pgbench running the same statements"
postgres_pids() { local postmaster; postmaster=$(head -1 "$WORK/pg/postmaster.pid"); echo "$postmaster" $(pgrep -P "$postmaster"); }
writers() { # label hot(true|false)
  local before=() after=() name i=0 cpu="" booked
  before=("$(ticks ${SERVICE_PID[catalog]})" "$(ticks $(postgres_pids))" "$(ticks ${DASHBOARD_PID:-})")
  # The writers' own CPU (user + system, seconds) from bash's `time`; their output and errors go where they went.
  local TIMEFORMAT='%3U %3S'
  { time $TOOL writers --api "http://127.0.0.1:$CATALOG_PORT" --web-key "$WORK/keys/web.key" --connection "$(conn catalogdb)" \
    --writers 16 --seconds "$WRITE_STEP" --label "$1" --hot "$2" --results "$RESULTS" 2>&3; } 3>&2 2>"$WORK/writers.time"
  after=("$(ticks ${SERVICE_PID[catalog]})" "$(ticks $(postgres_pids))" "$(ticks ${DASHBOARD_PID:-})")
  # CPU per movement (ms) of the catalog, PostgreSQL (the backends that ended during the run are not counted), the
  # dashboard and the writers' HTTP client (its process start included): where the two cores went.
  booked=$(awk -F'\t' -v key="$1.per_s" -v d="$WRITE_STEP" '$1 == key { print $2 * d }' "$RESULTS")
  after+=("$(awk '{ printf "%d", ($1 + $2) * 100 }' "$WORK/writers.time")") before+=(0)
  for name in catalog postgres dashboard writers; do
    cpu+=$(awk -v name="$name" -v t="$(( ${after[$i]} - ${before[$i]} ))" -v n="${booked:-0}" 'BEGIN { if (n > 0 && t > 0) printf " %s %.2f", name, t * 10 / n }')
    printf '%s.cpu_ms.%s\t%s\n' "$1" "$name" "$(awk -v t="$(( ${after[$i]} - ${before[$i]} ))" -v n="${booked:-0}" 'BEGIN { if (n > 0) printf "%.2f", t * 10 / n }')" >>"$RESULTS"
    i=$((i + 1))
  done
  echo "  CPU ms/movement:$cpu"
}
pgbench_run() { # kind table count
  sed -e "s/@PAIRS@/$2/g" -e "s/@COUNT@/$3/g" benchmarks/suite/movement.sql.in >"$WORK/movement-$1.sql"
  local mode tps
  for mode in prepared extended; do
    tps=$("$PG_BIN/pgbench" -n -c 16 -j 2 -T "$WRITE_STEP" -M "$mode" -f "$WORK/movement-$1.sql" -h 127.0.0.1 -p "$PG_PORT" -U postgres catalogdb 2>"$WORK/pgbench.err" \
      | awk '/^tps/ {print $3; exit}') || true
    # An aborted client makes the rate meaningless: no figure rather than a wrong one.
    if [ -z "$tps" ] || grep -q aborted "$WORK/pgbench.err"; then echo "pgbench -M $mode failed:"; grep error "$WORK/pgbench.err" | sort -u | head -3; tps=nan; fi
    printf '%-34s 16 clients %4s s: %8s tx/s (-M %s)\n' "p2.$1.pgbench" "$WRITE_STEP" "$tps" "$mode"
    printf 'p2.%s.pgbench.%s\t%s\n' "$1" "$mode" "$tps" >>"$RESULTS"
  done
}
writers p2.random.api false
pgbench_run random bench_pairs 2000
writers p2.hot.api true
pgbench_run hot bench_hot 1
fi # full

log "P3 a static file and a page: Web directly, our gateway, nginx with the same headers (wrk -t2 -c32, $WRK_STEP s)"
mkdir -p "$WORK/nginx"
NGINX_CACHE=$(mktemp -d /tmp/inventory-nginx-cache.XXXXXX) && chmod 777 "$NGINX_CACHE"
HEADERS=$(curl -sS -o /dev/null -D - "http://127.0.0.1:$GATEWAY_PORT/login" | tr -d '\r' \
  | grep -iE '^(content-security-policy|x-content-type-options|x-frame-options|referrer-policy|permissions-policy|cross-origin-[a-z-]+|strict-transport-security|x-permitted-cross-domain-policies):' \
  | sed -E -e 's/\\/\\\\/g' -e 's/"/\\"/g' \
  | sed -E 's/^([^:]+): (.*)$/            proxy_hide_header \1;\n            add_header \1 "\2" always;/')
sed -e "s#@WORK@#$WORK#g" -e "s#@CACHE@#$NGINX_CACHE#" -e "s/@WEB_PORT@/$WEB_PORT/" -e "s/@NGINX_PORT@/$NGINX_PORT/" benchmarks/suite/nginx.conf.in \
  | HEADERS="$HEADERS" awk '{ if ($0 == "@HEADERS@") print ENVIRON["HEADERS"]; else print }' >"$WORK/nginx/nginx.conf"
"$NGINX" -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf" -e "$WORK/nginx/error.log"
for _ in $(seq 1 50); do port_free "$NGINX_PORT" || break; sleep 0.1; done
p3_processes() { # name=pid… of the processes a P3 request may cost
  local nginx_master; nginx_master=$(cat "$WORK/nginx/nginx.pid" 2>/dev/null || true)
  echo "gateway=${SERVICE_PID[gateway]} web=${SERVICE_PID[web]} dashboard=${DASHBOARD_PID:-}" \
    "nginx=$(echo "$nginx_master" $(pgrep -P "$nginx_master" 2>/dev/null) | tr ' ' ',')"
}
wrk_run() { # label url
  local out rps p50 before=() after=() entry i=0 cpu=""
  for entry in $(p3_processes); do entry=${entry#*=}; before+=("$(ticks ${entry//,/ })"); done
  out=$(wrk -t2 -c32 -d"${WRK_STEP}s" --latency "$2")
  for entry in $(p3_processes); do entry=${entry#*=}; after+=("$(ticks ${entry//,/ })"); done
  rps=$(echo "$out" | awk '/^Requests\/sec/ {print $2}')
  # wrk prints 50% as 1.23ms / 456.00us / 1.02s: in milliseconds.
  p50=$(echo "$out" | awk '$1 == "50%" { v = $2; if (v ~ /us$/) { sub(/us$/, "", v); v = v / 1000 } else if (v ~ /ms$/) { sub(/ms$/, "", v) } else if (v ~ /s$/) { sub(/s$/, "", v); v = v * 1000 }; print v }')
  # CPU per request of each process (µs): where the machine's two cores went, wrk's own share aside.
  for entry in $(p3_processes); do
    cpu+=$(awk -v name="${entry%%=*}" -v t="$(( ${after[$i]} - ${before[$i]} ))" -v n="$(awk -v r="$rps" -v d="$WRK_STEP" 'BEGIN { print r * d }')" \
      'BEGIN { if (n > 0 && t > 0) printf " %s %.0f", name, t * 10000 / n }')
    i=$((i + 1))
  done
  printf '%-34s %10s req/s  p50 %8s ms  CPU µs/request:%s\n' "$1" "$rps" "$p50" "$cpu"
  printf '%s.rps\t%s\n%s.p50\t%s\n' "$1" "$rps" "$1" "$p50" >>"$RESULTS"
}
for kind in static page; do
  path=/favicon.svg; [ "$kind" = page ] && path=/login
  # Each address warmed first (unmeasured), as P1's are: the JIT's later tiers and the proxies' copies are in place.
  for port in "$WEB_PORT" "$GATEWAY_PORT" "$NGINX_PORT"; do wrk -t2 -c32 -d3s "http://127.0.0.1:$port$path" >/dev/null; done
  wrk_run "p3.$kind.web" "http://127.0.0.1:$WEB_PORT$path"
  wrk_run "p3.$kind.gateway" "http://127.0.0.1:$GATEWAY_PORT$path"
  wrk_run "p3.$kind.nginx" "http://127.0.0.1:$NGINX_PORT$path"
done
kill "$(cat "$WORK/nginx/nginx.pid")" 2>/dev/null || true

log "P5 RSS at the end of the load, and 20 s later (the services' idle trim gives back what the burst left committed)"
rss after
idle_cpu after 20
rss settled

if [ -n "$ONLY" ]; then exit 0; fi
log "Production-like: the same telemetry exported to a collector elsewhere (a sink that keeps nothing): P1 through the gateway, P2 random"
mkdir -p "$WORK/sink"
sed -e "s#@WORK@#$WORK#g" -e "s/@SINK_PORT@/$SINK_PORT/" benchmarks/suite/otlp-sink.conf.in >"$WORK/sink/nginx.conf"
"$NGINX" -p "$WORK/sink" -c "$WORK/sink/nginx.conf" -e "$WORK/sink/error.log"
stop_app
start_app collector
COOKIE=$($TOOL signin --url "http://127.0.0.1:$GATEWAY_PORT")
warm_up
p1 "-collector" gateway
writers p2.random.api-collector false
stop_app
kill "$(cat "$WORK/sink/nginx.pid")" 2>/dev/null || true
sleep 0.5
printf 'sink.exports\t%s\n' "$(grep -c '"POST /v1/[a-z]* HTTP/1.1" 200' "$WORK/sink/access.log" 2>/dev/null || true)" >>"$RESULTS"
echo "  exports the sink answered 200: $(grep -c '"POST /v1/[a-z]* HTTP/1.1" 200' "$WORK/sink/access.log" 2>/dev/null || true)"

log "Results against the goals of issue 14"
COMMIT=$(git rev-parse --short HEAD)$(git diff --quiet HEAD -- . ':!docs/benchmarks.md' 2>/dev/null || echo "+changes")
MACHINE="$(nproc) cores, $(awk -F': ' '/^model name/ {print $2; exit}' /proc/cpuinfo), $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo)"
report=(report --results "$RESULTS" --date "$STARTED_AT" --machine "$MACHINE" --commit "$COMMIT" --size "$SIZE" --load "$LOAD_BEFORE")
[ "$QUICK" = 1 ] && report+=(--mode quick)
[ "$WRITE_DOC" = 1 ] && report+=(--doc "$ROOT/docs/benchmarks.md")
$TOOL "${report[@]}"
