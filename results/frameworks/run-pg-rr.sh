#!/bin/sh
# The framework grid's PostgreSQL REPEATABLE READ column (issue 16): every framework replay raced by
# goc race on embedded PostgreSQL inside an outer transaction at REPEATABLE READ (the caller's
# transaction reads the key first, the replay runs in it, goc commits), 8 threads x ROUNDS rounds,
# one JSON per replay into results/frameworks/<UTC timestamp>-pg-rr/, with the machine's load average
# before and after in its README. grid.py reads the newest such folder beside latest/.
# GOC: the goc command (default ./goc; a copy of the built jar keeps a rebuild from pulling it mid-run).
set -eu
cd "$(dirname "$0")/../.."
ROUNDS=${ROUNDS:-300}
GOC=${GOC:-./goc}
IDS=${IDS:-"django django-update-or-create rails-7.0 rails-7.1 rails-main rails-create-or-find-by laravel laravel-create-or-first laravel-10.20 laravel-10.19 sequelize prisma-upsert prisma-upsert-native typeorm-save typeorm-upsert typeorm-or-ignore ecto-on-conflict-nothing"}
OUT="results/frameworks/$(date -u +%Y%m%d-%H%M%S)-pg-rr"
mkdir -p "$OUT"
before=$(cut -d' ' -f1-3 /proc/loadavg)
start=$(date -u +%Y-%m-%dT%H:%M:%SZ)
for id in $IDS; do
  $GOC race --db postgres --strategy "$id" --threads 8 --rounds "$ROUNDS" --outer-tx \
    --isolation repeatable-read --quiet --json "$OUT/$id.json" \
    || [ -s "$OUT/$id.json" ] || { echo "race of $id wrote no result" >&2; exit 1; }
done
end=$(date -u +%Y-%m-%dT%H:%M:%SZ)
after=$(cut -d' ' -f1-3 /proc/loadavg)
cat > "$OUT/README.md" <<README
# PostgreSQL REPEATABLE READ outer-transaction races of the framework replays

Command: \`ROUNDS=$ROUNDS results/frameworks/run-pg-rr.sh\` (per replay: \`goc race --db postgres --strategy ID
--threads 8 --rounds $ROUNDS --outer-tx --isolation repeatable-read --json ID.json\`), revision
$(git rev-parse --short HEAD)$(git diff --quiet HEAD -- core junit || echo ' (with uncommitted changes)').
Ran $start to $end on $(nproc) cores; load average (1, 5, 15 min) before: $before, after: $after.
One JSON per replay; the column "postgres outer-tx RR" of ../grid.md is drawn from them by ../grid.py.
README
python3 results/frameworks/grid.py
