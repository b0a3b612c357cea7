#!/usr/bin/env bash
# Lighthouse scores of the main pages of an Inventory that is already running (this starts nothing): the mobile
# preset, signed in with the session cookie a browser holds. Prints a table; --json prints the runner's lines
# instead (eng/lighthouse/run.mjs, which says what they hold). docs/benchmarks.md has figures.
#
#   benchmarks/lighthouse.sh [--json] <base-url> <cookie-header> [path…]
#   LIGHTHOUSE_URL=http://localhost:5000 LIGHTHOUSE_COOKIE='…' benchmarks/lighthouse.sh [--json] [path…]
#
# The cookie header is the signed-in session: copy it from the browser's developer tools (a request's Cookie
# header). Without paths: /dashboard, /inventory, /movements, /purchase-orders, and the first item of /inventory.
set -euo pipefail
usage() { echo "usage: $0 [--json] <base-url> <cookie-header> [path...]  (or LIGHTHOUSE_URL and LIGHTHOUSE_COOKIE)" >&2; exit 2; }

json=false
[[ "${1:-}" == "--json" ]] && { json=true; shift; }
[[ "${1:-}" == -* ]] && usage
url="${LIGHTHOUSE_URL:-}" cookie="${LIGHTHOUSE_COOKIE:-}"
# The URL and the cookie come first unless the environment gives them (then every argument is a path).
if [[ $# -gt 0 && "$1" != /* ]]; then
    [[ $# -ge 2 ]] || usage
    url="$1" cookie="$2"
    shift 2
fi
[[ -n "$url" && -n "$cookie" ]] || usage
paths=("$@")

runner="$(cd "$(dirname "$0")/../eng/lighthouse" && pwd)"
[[ -d "$runner/node_modules/lighthouse" ]] || { echo "Lighthouse is not installed: run eng/install-prerequisites.sh" >&2; exit 2; }

if [[ ${#paths[@]} -eq 0 ]]; then
    # The item page of the first item the list links to (any item will do; the list's first is a stable choice).
    item="$(curl -fsSL -H "Cookie: $cookie" "${url%/}/inventory" | grep -o 'href="/inventory/[0-9a-f-]\{36\}"' | head -1 | cut -d'"' -f2 || true)"
    paths=(/dashboard /inventory ${item:+"$item"} /movements /purchase-orders)
fi

lines="$(cd "$runner" && node run.mjs "$url" "$cookie" "${paths[@]}")"
if $json; then
    echo "$lines"
    exit 0
fi
echo "$lines" | node --input-type=module -e '
const pages = (await new Response(process.stdin).text()).trim().split("\n").map(line => JSON.parse(line));
const row = cells => cells.map((cell, i) => String(cell ?? "–")[i === 0 ? "padEnd" : "padStart"](i === 0 ? 48 : 13)).join("  ");
console.log(row(["Page", "Performance", "Accessibility", "Best practices"]));
for (const p of pages) {
  const landed = new URL(p.finalUrl).pathname === p.path ? "" : `  (landed on ${new URL(p.finalUrl).pathname})`;
  console.log(row([p.path, p.performance, p.accessibility, p.bestPractices]) + landed);
  if (p.failingBestPractices.length) console.log(`    best practices failing: ${p.failingBestPractices.join(", ")}`);
  if (p.performanceAdvice.length) console.log(`    performance advice: ${p.performanceAdvice.join(", ")}`);
}'
