#!/bin/sh
# The framework grid (issue 16): every framework replay on embedded PostgreSQL and embedded
# MariaDB, in autocommit and inside an outer transaction at the server's default isolation
# (PostgreSQL READ COMMITTED, InnoDB REPEATABLE READ), 8 threads x ROUNDS rounds each.
# Writes one JSON per run into json/; grid.sh turns them into grid.md.
set -eu
cd "$(dirname "$0")/../.."
ROUNDS=${ROUNDS:-300}
OUT=results/frameworks/json
mkdir -p "$OUT"
IDS=$(./goc strategies --db postgres | sed -n '/^frameworks/,/^$/p' | grep -E '^  [a-z]' | awk '{print $1}')
for db in postgres mariadb; do
  for s in $IDS; do
    for mode in autocommit outer-tx; do
      flag=""; [ "$mode" = outer-tx ] && flag="--outer-tx"
      ./goc race --db "$db" --strategy "$s" --threads 8 --rounds "$ROUNDS" $flag --quiet \
        --json "$OUT/$db-$s-$mode.json" || true
    done
  done
done
