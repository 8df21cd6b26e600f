#!/usr/bin/env bash
# Calibrates the JMH harness against pgbench: the same SQL (benchmarks/pgbench/<strategy>.sql,
# copied from the PostgreSQL strategy classes), the same clients, keys and duration, against the
# same server. Prints and writes harness/pgbench throughput per strategy. A ratio far below 1
# means the harness measures itself (JDBC, JVM, its own round trips), not the database.
#
# Usage: benchmarks/calibrate-pgbench.sh [options]
#   --url URL          JDBC URL of the server (default jdbc:postgresql://127.0.0.1:5432/test?user=postgres);
#                      pgbench/psql use its host, port, database, user (and password= if present)
#   --clients N        JMH threads = pgbench clients = pgbench threads (default 4)
#   --duration S       measured seconds per tool and strategy (default 10)
#   --warmup S         warm-up seconds before each measurement (default 5)
#   --keys K           hotset:K, i.e. \set k random(1, K) (default 1000)
#   --strategies "..." (default "naive transactional upsert")
#   --mode M           pgbench query mode: prepared|extended|simple (default prepared: pgjdbc
#                      server-prepares a statement from its 5th use, prepareThreshold=5)
#   --out DIR          (default results/calibration)
#   --jar PATH         (default benchmarks/target/benchmarks.jar; build: ./mvnw -B -pl core,benchmarks -DskipTests package)
#
# Steady state on both sides: JMH resets the table and its warm-up inserts the K keys; for
# pgbench the table is reset and prefilled with keys 1..K (pgbench aborts a client on a unique
# violation, so it cannot race the fill), then warmed up. Strategies alternate between the two
# tools so both see the same background load; `uptime` is recorded before every measurement.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
url='jdbc:postgresql://127.0.0.1:5432/test?user=postgres'
clients=4; duration=10; warmup=5; keys=1000; mode=prepared
strategies="naive transactional upsert"
out="$root/results/calibration"
jar="$here/target/benchmarks.jar"
while [ $# -gt 0 ]; do
  case "$1" in
    --url) url="$2"; shift 2;;
    --clients) clients="$2"; shift 2;;
    --duration) duration="$2"; shift 2;;
    --warmup) warmup="$2"; shift 2;;
    --keys) keys="$2"; shift 2;;
    --strategies) strategies="$2"; shift 2;;
    --mode) mode="$2"; shift 2;;
    --out) out="$2"; shift 2;;
    --jar) jar="$2"; shift 2;;
    -h|--help) sed -n '2,27p' "$0"; exit 0;;
    *) echo "unknown option $1 (see --help)" >&2; exit 2;;
  esac
done
[ -f "$jar" ] || { echo "no $jar: build it with ./mvnw -B -pl core,benchmarks -DskipTests package" >&2; exit 2; }
command -v pgbench >/dev/null || { echo "pgbench not found (apt-get install postgresql-client)" >&2; exit 2; }

# jdbc:postgresql://host[:port]/db[?user=u&password=p...]
re='^jdbc:postgresql://([^/:?]+)(:([0-9]+))?/([^?]+)(\?(.*))?$'
[[ "$url" =~ $re ]] || { echo "not a jdbc:postgresql://host[:port]/db URL: $url" >&2; exit 2; }
host="${BASH_REMATCH[1]}"; port="${BASH_REMATCH[3]:-5432}"; db="${BASH_REMATCH[4]}"; query="${BASH_REMATCH[6]:-}"
user=postgres
IFS='&' read -r -a pairs <<< "$query"
for p in "${pairs[@]:-}"; do
  case "$p" in user=*) user="${p#user=}";; password=*) export PGPASSWORD="${p#password=}";; esac
done
pg=(-h "$host" -p "$port" -U "$user")

# The durability the JMH result must claim (DbState refuses a mismatch).
fsync="$(psql "${pg[@]}" -d "$db" -Atc 'show fsync')"
sync_commit="$(psql "${pg[@]}" -d "$db" -Atc 'show synchronous_commit')"
version="$(psql "${pg[@]}" -d "$db" -Atc 'show server_version')"
durable=false; [ "$fsync" = on ] && [ "$sync_commit" != off ] && durable=true

stamp="$(date -u +%Y%m%dT%H%M%SZ)"
run="$out/$stamp"
mkdir -p "$run"
raw="$run/raw.tsv"
printf 'strategy\ttool\tops_per_s\tcalls\tseconds\tload1\tload5\tload15\n' > "$raw"
load() { awk '{print $1"\t"$2"\t"$3}' /proc/loadavg; }

for s in $strategies; do
  [ -f "$here/pgbench/$s.sql" ] || { echo "no pgbench script for $s" >&2; exit 2; }

  # harness: JMH, one fork, -t clients
  l="$(load)"
  java -Dgoc.db.url="$url" -Dgoc.jmh.servers="$run/servers.json" -jar "$jar" \
    'GetOrCreateBenchmark.throughput$' -p db=postgres -p durable="$durable" -p strategy="$s" \
    -p keys="hotset:$keys" -t "$clients" -f 1 -wi 1 -w "${warmup}s" -i 1 -r "${duration}s" \
    -rf json -rff "$run/jmh-$s.json" > "$run/jmh-$s.log" 2>&1 \
    || { echo "JMH failed for $s, see $run/jmh-$s.log" >&2; exit 1; }
  jmh_ops="$(jq -r '.[0].primaryMetric.score' "$run/jmh-$s.json")"
  jmh_calls="$(jq -r '.[0].secondaryMetrics.calls.score' "$run/jmh-$s.json")"
  printf '%s\tjmh\t%.1f\t%.0f\t%s\t%s\n' "$s" "$jmh_ops" "$jmh_calls" "$duration" "$l" >> "$raw"

  # pgbench: prefilled table, warm-up, measurement
  psql -q "${pg[@]}" -d "$db" -v ON_ERROR_STOP=1 -v keys="$keys" -f "$here/pgbench/reset.sql" \
    > "$run/pgbench-$s-reset.log" 2>&1 \
    || { echo "resetting the table failed for $s, see $run/pgbench-$s-reset.log" >&2; exit 1; }
  pgbench -n "${pg[@]}" -M "$mode" -c "$clients" -j "$clients" -T "$warmup" -D keys="$keys" \
    -f "$here/pgbench/$s.sql" "$db" > "$run/pgbench-$s-warmup.log" 2>&1 \
    || { echo "pgbench warm-up failed for $s, see $run/pgbench-$s-warmup.log" >&2; exit 1; }
  l="$(load)"
  pgbench -n "${pg[@]}" -M "$mode" -c "$clients" -j "$clients" -T "$duration" -D keys="$keys" \
    -f "$here/pgbench/$s.sql" "$db" > "$run/pgbench-$s.log" 2>&1 \
    || { echo "pgbench failed for $s, see $run/pgbench-$s.log" >&2; exit 1; }
  pg_ops="$(sed -n 's/^tps = \([0-9.]*\) .*/\1/p' "$run/pgbench-$s.log")"
  pg_calls="$(sed -n 's/^number of transactions actually processed: \([0-9]*\).*/\1/p' "$run/pgbench-$s.log")"
  printf '%s\tpgbench\t%.1f\t%s\t%s\t%s\n' "$s" "$pg_ops" "$pg_calls" "$duration" "$l" >> "$raw"
done

md="$out/$stamp.md"
{
  echo "# Calibration $stamp: harness (JMH) vs pgbench"
  echo
  echo "PostgreSQL $version at $host:$port/$db (fsync=$fsync, synchronous_commit=$sync_commit), keys hotset:$keys,"
  echo "$clients clients/threads, ${warmup} s warm-up + ${duration} s measured per tool, pgbench -M $mode."
  echo "Host: $(nproc) cores, $(uname -sr), $(java -version 2>&1 | head -1)."
  echo "Load average (1/5/15 min) is recorded before each measurement: the machine is shared."
  echo
  echo "| strategy | harness ops/s | pgbench ops/s | harness/pgbench | load1 (jmh / pgbench) |"
  echo "|---|---:|---:|---:|---|"
  for s in $strategies; do
    awk -F'\t' -v s="$s" '
      $1==s && $2=="jmh" {j=$3; jl=$6}
      $1==s && $2=="pgbench" {p=$3; pl=$6}
      END {printf "| %s | %.0f | %.0f | %.2f | %s / %s |\n", s, j, p, (p>0 ? j/p : 0), jl, pl}' "$raw"
  done
  echo
  echo "Raw numbers: [$stamp/raw.tsv]($stamp/raw.tsv); JMH JSON and logs, pgbench logs and the"
  echo "server's recorded settings (servers.json) in [$stamp/]($stamp/)."
} > "$md"
cat "$md"
