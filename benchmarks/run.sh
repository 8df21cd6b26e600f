#!/usr/bin/env bash
# Runs the JMH benchmarks once per thread count (JMH's -t is one value per run) and writes one
# JSON result per thread count under results/jmh/, readable by jmh-visualizer and `goc report`,
# plus <name>-servers.json: product, version, provision and settings (fsync, synchronous_commit,
# innodb_flush_log_at_trx_commit, ...) of every server the run used.
#
# Usage: benchmarks/run.sh NAME [JMH options...]
#   THREADS="1 2 4 8"   thread counts (default)
#   GOC_DB_URL=...      run against this server instead of embedded ones (-Dgoc.db.url); pair it
#                       with -p db=postgres|mariadb|mysql and, for PostgreSQL, -p durable=<what the
#                       server runs> (the benchmark refuses a result with the wrong label)
#   JAVA_OPTS=...       extra JVM options for the host JVM (forks inherit them)
# Examples:
#   benchmarks/run.sh quick -p db=postgres -p keys=hotset:1000 -wi 1 -i 2
#   benchmarks/run.sh pg-durable -p db=postgres -p durable=true,false      # one fork per value
#   GOC_DB_URL='jdbc:postgresql://127.0.0.1:5432/test?user=postgres' \
#     benchmarks/run.sh pg15 -p db=postgres -p durable=true 'GetOrCreateBenchmark.throughput$'
# Writes results/jmh/NAME-t1.json ... NAME-t8.json and results/jmh/NAME-servers.json.
# Build first: ./mvnw -B -pl core,benchmarks -DskipTests package
set -euo pipefail

[ $# -ge 1 ] || { sed -n '2,21p' "$0"; exit 2; }
name="$1"; shift
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
jar="$here/target/benchmarks.jar"
out="$root/results/jmh"
[ -f "$jar" ] || { echo "no $jar: build it with ./mvnw -B -pl core,benchmarks -DskipTests package" >&2; exit 2; }
mkdir -p "$out"

props=(-Dgoc.jmh.servers="$out/$name-servers.json")
[ -n "${GOC_DB_URL:-}" ] && props+=(-Dgoc.db.url="$GOC_DB_URL")
# shellcheck disable=SC2206
java_opts=(${JAVA_OPTS:-})

for t in ${THREADS:-1 2 4 8}; do
  echo "== $name: $t thread(s); load: $(cut -d' ' -f1-3 /proc/loadavg)"
  java "${java_opts[@]}" "${props[@]}" -jar "$jar" -t "$t" -rf json -rff "$out/$name-t$t.json" "$@"
done
