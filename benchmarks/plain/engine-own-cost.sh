#!/usr/bin/env bash
# Issue 12: the engine's own cost per call. goc bench runs NoopStrategy (benchmarks/plain/NoopStrategy.java:
# no statement, answers at once) on hotset:1000 with 1 and 4 threads, 5 s warm-up + 10 s, RUNS times each,
# against the machine's PostgreSQL (a connection per worker is opened, nothing is sent on it per call).
# Per run: calls/s, the worker threads' client CPU per call and bytes allocated per call (goc --verbose).
# Set beside a real strategy's client CPU per call (results/calibration/*.md): what the engine adds.
# Usage: benchmarks/plain/engine-own-cost.sh OUT.tsv [RUNS]   (from the repository root, after
# ./mvnw -B -DskipTests install -pl core -am). Columns: threads run calls/s cpu_us/call bytes/call load1.
set -euo pipefail
out="$1"; runs="${2:-3}"
url='jdbc:postgresql://127.0.0.1:5432/test?user=postgres'
classes="$(mktemp -d)"
trap 'rm -rf "$classes"' EXIT
javac -cp junit/target/classes -d "$classes" benchmarks/plain/NoopStrategy.java
printf 'threads\trun\tcalls_per_s\tcpu_us_per_call\tbytes_per_call\tload1\n' > "$out"
for t in 1 4; do
  for r in $(seq 1 "$runs"); do
    l="$(awk '{print $1}' /proc/loadavg)"
    log="$(java -jar core/target/goc-cli.jar --verbose bench --db postgres --db-url "$url" \
      --strategy-class NoopStrategy --classpath "$classes" --keys hotset:1000 --threads "$t" \
      --duration 10s --warmup 5s 2>&1)"
    cps="$(echo "$log" | grep -E '^NoopStrategy +steady' | awk '{print $6}')"
    cpu="$(echo "$log" | grep -o 'client cpu: [0-9.]* us' | awk '{print $3}')"
    by="$(echo "$log" | grep -o 'allocation: [0-9]* bytes' | awk '{print $2}')"
    printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$t" "$r" "$cps" "$cpu" "$by" "$l" >> "$out"
  done
done
cat "$out"
