#!/usr/bin/env bash
# Backs up Inventory's databases with pg_dump, one custom-format file per database, named <db>-<UTC time>.dump.
#
#   eng/backup.sh <output-directory>
#
# The server is the usual libpq environment: PGHOST, PGPORT, PGUSER, PGPASSWORD (or ~/.pgpass).
# INVENTORY_DATABASES overrides the list (default: catalogdb procurementdb webdb).
# Restore one with eng/restore.sh. docs/operations.md has the details.
set -euo pipefail

out="${1:?usage: eng/backup.sh <output-directory>}"
mkdir -p "$out"
stamp="$(date -u +%Y%m%dT%H%M%SZ)"
for db in ${INVENTORY_DATABASES:-catalogdb procurementdb webdb}; do
    file="$out/$db-$stamp.dump"
    # --no-owner: the dump restores under whichever role restores it.
    pg_dump --format=custom --no-owner --dbname="$db" --file="$file"
    echo "$file"
done
