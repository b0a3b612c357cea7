#!/usr/bin/env bash
# Smoke test of a deployment, from outside and without credentials: what must hold for any production Inventory.
#
#   eng/smoke.sh [--http-url http://host[:port]] [--cacert ca.pem] https://inventory.example.com
#
# One PASS/FAIL line per check; exit 1 if any fails (2 on wrong usage). The HTTP address whose redirect is checked is
# the public URL with http:// on port 80, unless --http-url names it; --cacert trusts a private CA (a test's own
# certificate). Needs curl. docs/production-checklist.md says when to run it; docs/security.md what each header is for.
set -uo pipefail

usage() { echo "usage: $0 [--http-url URL] [--cacert FILE] <public https URL>" >&2; exit 2; }

http_url="" public_url=""
curl_tls=()
while [[ $# -gt 0 ]]; do
    case "$1" in
        --http-url) [[ $# -ge 2 ]] || usage; http_url="$2"; shift 2 ;;
        --cacert) [[ $# -ge 2 ]] || usage; curl_tls=(--cacert "$2"); shift 2 ;;
        -h|--help) usage ;;
        -*) usage ;;
        *) [[ -z "$public_url" ]] || usage; public_url="${1%/}"; shift ;;
    esac
done
[[ -n "$public_url" ]] || usage
command -v curl >/dev/null || { echo "curl is required" >&2; exit 2; }
authority="${public_url#*://}"
authority="${authority%%/*}"
[[ -n "$http_url" ]] || http_url="http://${authority%:*}"
http_url="${http_url%/}"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
failures=0

pass() { printf 'PASS  %s\n' "$1"; }
fail() { printf 'FAIL  %s: %s\n' "$1" "$2"; failures=$((failures + 1)); }

# fetch NAME URL [curl options…]: status in $status, headers in $work/NAME.headers (lower-cased names), body in $work/NAME.body.
fetch() {
    local name="$1" url="$2"
    shift 2
    status="$(curl -sS --max-time 15 "${curl_tls[@]}" -o "$work/$name.body" -D "$work/$name.raw" -w '%{http_code}' "$@" "$url" 2>"$work/$name.error")" || status="000"
    # Header names lower-cased, values kept; carriage returns dropped.
    tr -d '\r' < "$work/$name.raw" 2>/dev/null | sed -nE 's/^([^:[:space:]]+):[[:space:]]*/\L\1\E: /p' > "$work/$name.headers"
}

# header NAME HEADER: the header's value in fetch NAME's response (the last, if repeated).
header() { grep -i "^$2: " "$work/$1.headers" | tail -n 1 | cut -d' ' -f2-; }

unreachable() { [[ "$status" == "000" ]] && echo "no answer ($(head -c 200 "$work/$1.error"))"; }

# --- HTTPS -------------------------------------------------------------------------------------------------------------
if [[ "$public_url" == https://* ]]; then pass "public URL is https"; else fail "public URL is https" "$public_url"; fi

fetch redirect "$http_url/login"
location="$(header redirect location)"
if [[ "$status" =~ ^30[1278]$ && "$location" == https://* ]]; then
    pass "http redirects to https ($status)"
else
    fail "http redirects to https" "$(unreachable redirect || echo "GET $http_url/login answered $status${location:+, Location $location}")"
fi

# --- The sign-in page and its headers ----------------------------------------------------------------------------------
fetch login "$public_url/login"
if [[ "$status" == 200 && "$(header login content-type)" == text/html* ]]; then
    pass "sign-in page answers 200"
else
    fail "sign-in page answers 200" "$(unreachable login || echo "GET /login answered $status")"
fi

hsts="$(header login strict-transport-security)"
max_age="$(sed -n 's/.*max-age=\([0-9]*\).*/\1/p' <<<"$hsts")"
# At least six months: what browsers and the HTTP Observatory expect.
if [[ -n "$max_age" && "$max_age" -ge 15768000 ]]; then pass "HSTS ($hsts)"; else fail "HSTS" "Strict-Transport-Security is '${hsts}'"; fi

csp="$(header login content-security-policy)"
if [[ "$csp" == *"default-src"* && "$csp" != *"unsafe-inline"* && "$csp" != *"unsafe-eval"* ]]; then
    pass "Content-Security-Policy"
else
    fail "Content-Security-Policy" "'${csp}' (needs default-src, no unsafe-inline or unsafe-eval)"
fi

frame_options="$(header login x-frame-options)"
if [[ "$csp" == *"frame-ancestors 'none'"* || "$csp" == *"frame-ancestors 'self'"* || "$frame_options" =~ ^(DENY|SAMEORIGIN)$ ]]; then
    pass "framing refused (frame-ancestors / X-Frame-Options)"
else
    fail "framing refused" "no frame-ancestors in the CSP and X-Frame-Options is '${frame_options}'"
fi

expect_header() {
    local name="$1" pattern="$2" value
    value="$(header login "$name")"
    if [[ "$value" =~ $pattern ]]; then pass "$name"; else fail "$name" "'${value}'"; fi
}
expect_header x-content-type-options '^nosniff$'
expect_header referrer-policy '^(no-referrer|same-origin|strict-origin|strict-origin-when-cross-origin)$'
expect_header permissions-policy '.+'
expect_header cross-origin-opener-policy '^same-origin$'

advertised="$(grep -iE '^(server|x-powered-by|x-aspnet-version|x-aspnetmvc-version): ' "$work/login.headers" | cut -d: -f1 | tr '\n' ' ')"
if [[ -z "$advertised" ]]; then pass "no server software advertised"; else fail "no server software advertised" "$advertised"; fi

insecure_cookies="$(grep -i '^set-cookie: ' "$work/login.headers" | grep -viE ';\s*secure(;|$)' | cut -d= -f1 | cut -d' ' -f2 | tr '\n' ' ')"
if [[ -z "$insecure_cookies" ]]; then pass "every cookie Secure"; else fail "every cookie Secure" "not Secure: $insecure_cookies"; fi

# --- Health ------------------------------------------------------------------------------------------------------------
fetch health "$public_url/health"
body="$(head -c 4000 "$work/health.body")"
if [[ "$status" == 200 ]]; then pass "/health answers 200"; else fail "/health answers 200" "$(unreachable health || echo "answered $status: $body")"; fi
# Names and statuses only: no exception text, connection details or descriptions (docs/operations.md).
if grep -qiE 'exception|password|host=|username|server=|description|stack|   at ' <<<"$body"; then
    fail "/health shows no internals" "$body"
else
    pass "/health shows no internals"
fi

# --- What needs a session ----------------------------------------------------------------------------------------------
for page in /dashboard /inventory /purchase-orders /admin/users; do
    fetch protected "$public_url$page"
    location="$(header protected location)"
    if [[ "$status" == 302 && "$location" == *"/login"* ]]; then
        pass "$page redirects to sign-in"
    else
        fail "$page redirects to sign-in" "$(unreachable protected || echo "answered $status${location:+, Location $location}")"
    fi
done

# A script's request (fetch/XHR) gets 401 rather than a redirect to a page it cannot show.
fetch api "$public_url/inventory" -H 'X-Requested-With: XMLHttpRequest' -H 'Accept: application/json'
if [[ "$status" == 401 ]]; then pass "a script's request without a session gets 401"; else fail "a script's request without a session gets 401" "answered $status"; fi

# --- Hosts -------------------------------------------------------------------------------------------------------------
fetch host "$public_url/login" -H 'Host: smoke-test.invalid'
if [[ "$status" == 400 ]]; then pass "a foreign Host header gets 400"; else fail "a foreign Host header gets 400" "answered $status"; fi

if [[ "$failures" -gt 0 ]]; then
    echo "$failures check(s) failed"
    exit 1
fi
echo "all checks passed"
