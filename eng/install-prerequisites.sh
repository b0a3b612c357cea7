#!/usr/bin/env bash
# Installs what running and testing Inventory needs and a fresh Debian/Ubuntu machine may lack:
# the PostgreSQL server binaries (the AppHost and the tests run them; no container engine needed) and
# Chromium for the browser tests (Playwright drives /usr/bin/chromium; it cannot download its own here).
# Does nothing for what is already there.
set -euo pipefail

# Where Inventory.LocalPostgres looks (PostgresBinaries): Postgres__BinDirectory, Debian's directories, PATH.
have_postgres() {
    [[ -n "${Postgres__BinDirectory:-}" && -x "${Postgres__BinDirectory}/initdb" ]] ||
        compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || command -v initdb >/dev/null
}

apt_install() {
    local sudo=""
    [[ "$(id -u)" -ne 0 ]] && sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "$@"
}

missing=()
have_postgres || missing+=(postgresql)
[[ -x /usr/bin/chromium ]] || missing+=(chromium)
if [[ ${#missing[@]} -gt 0 ]]; then
    echo "Installing ${missing[*]}..."
    apt_install "${missing[@]}"
fi

if ! command -v dotnet >/dev/null; then
    echo "The .NET SDK is required (see global.json for the version)." >&2
    exit 1
fi
