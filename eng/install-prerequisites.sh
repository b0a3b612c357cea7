#!/usr/bin/env bash
# Installs what running and testing Inventory needs and a fresh Debian/Ubuntu machine may lack:
# the PostgreSQL server binaries (the AppHost and the tests run them; no container engine needed) and
# Chromium for the browser tests (Playwright drives /usr/bin/chromium; it cannot download its own here), the
# HTTP Observatory's grader and Lighthouse (Node) and an HTTPS development certificate. Does nothing for what is
# already there.
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

# The Mozilla HTTP Observatory's grader, for Inventory.Tests' ObservatoryGradeTests (eng/observatory/grade.mjs).
# --ignore-scripts: its install script downloads the HSTS preload list, which needs the network and which the
# grade of a local host does not use, so an empty list stands in for it.
observatory="$(dirname "$0")/observatory"
if [[ ! -d "$observatory/node_modules/@mdn/mdn-http-observatory" ]]; then
    command -v npm >/dev/null || apt_install nodejs npm
    echo "Installing the HTTP Observatory grader..."
    npm install --prefix "$observatory" --ignore-scripts --no-audit --no-fund --loglevel=error
fi
preload="$observatory/node_modules/@mdn/mdn-http-observatory/conf/hsts-preload.json"
[[ -f "$preload" ]] || echo '{}' > "$preload"

# Google Lighthouse, for Inventory.Tests' LighthouseTests and benchmarks/lighthouse.sh (eng/lighthouse/run.mjs).
# It drives /usr/bin/chromium (above) and downloads nothing at install.
lighthouse="$(dirname "$0")/lighthouse"
if [[ ! -d "$lighthouse/node_modules/lighthouse" ]]; then
    command -v npm >/dev/null || apt_install nodejs npm
    echo "Installing Lighthouse..."
    npm install --prefix "$lighthouse" --no-audit --no-fund --loglevel=error
fi

# A development certificate, so the AppHost can serve the gateway over HTTPS too (docs/development.md).
if ! dotnet dev-certs https --check >/dev/null 2>&1; then
    echo "Creating the ASP.NET Core development certificate..."
    dotnet dev-certs https >/dev/null
fi
