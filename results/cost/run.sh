#!/usr/bin/env bash
# What each strategy costs the server per successful call (issue 17), on the embedded servers.
# Bounded goc bench runs: 4 threads, 2 s warm-up, 5 s measured, one run per strategy x workload:
#   hit-heavy   --keys hotset:100  (the warm-up creates the 100 keys: the window is hits)
#   create-heavy --keys new        (every call a new key)
#   churn       --keys hotset:100 --churn 0.5 (half the calls delete the row they got)
# Writes results/cost/<db>-<workload>.json (schema 2, with the cost section) and the report.
# Usage: results/cost/run.sh   (from the repository root)
set -euo pipefail
cd "$(dirname "$0")/../.."
out=results/cost
pg=naive,transactional,insert-first,upsert,upsert-do-update,merge
my=naive,transactional,insert-first,insert-ignore,upsert
common=(--threads 4 --warmup 2s --duration 5s)
for db in postgres mariadb; do
  s=$pg; [[ $db == mariadb ]] && s=$my
  ./goc bench --db $db --strategy $s "${common[@]}" --keys hotset:100 --json $out/$db-hit-heavy.json
  ./goc bench --db $db --strategy $s "${common[@]}" --keys new --json $out/$db-create-heavy.json
  ./goc bench --db $db --strategy $s "${common[@]}" --keys hotset:100 --churn 0.5 --json $out/$db-churn.json
done
./goc report $out/postgres-hit-heavy.json $out/postgres-create-heavy.json $out/postgres-churn.json \
  $out/mariadb-hit-heavy.json $out/mariadb-create-heavy.json $out/mariadb-churn.json
