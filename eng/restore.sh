#!/usr/bin/env bash
# Restores a dump made by eng/backup.sh into a database, replacing what is there.
#
#   eng/restore.sh <dump-file> <database>
#
# Stop the services that use the database first. The server is the usual libpq environment (PGHOST, …).
set -euo pipefail

file="${1:?usage: eng/restore.sh <dump-file> <database>}"
db="${2:?usage: eng/restore.sh <dump-file> <database>}"
pg_restore --clean --if-exists --no-owner --single-transaction --exit-on-error --dbname="$db" "$file"
