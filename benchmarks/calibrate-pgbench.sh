#!/usr/bin/env bash
# Calibrates goc's harnesses against pgbench: the same SQL (benchmarks/pgbench/<strategy>.sql,
# copied from the PostgreSQL strategy classes), the same clients, keys and duration, against the
# same server. Two harnesses can be calibrated: the engine (`goc bench`, what users run) and the
# JMH benchmark (benchmarks.jar). A ratio far below 1 means the harness measures itself (JDBC,
# JVM, its own bookkeeping), not the database.
#
# Usage: benchmarks/calibrate-pgbench.sh [options]
#   --harness H        engine|jmh|both (default both): which harness to hold against pgbench
#   --pairs N          alternated pairs per strategy and harness (default 3): pair 1 runs the
#                      harness first, pair 2 pgbench first, and so on; the ratio is the median of
#                      the pairs' ratios
#   --url URL          JDBC URL of the server (default jdbc:postgresql://127.0.0.1:5432/test?user=postgres);
#                      pgbench/psql use its host, port, database, user (and password= if present)
#   --clients N        harness threads = pgbench clients = pgbench threads (default 4)
#   --duration S       measured seconds per tool and strategy (default 10)
#   --warmup S         warm-up seconds before each measurement (default 5)
#   --keys K           hotset:K, i.e. \set k random(1, K) (default 1000)
#   --strategies "..." (default "naive transactional upsert")
#   --mode M           pgbench query mode: prepared|extended|simple (default prepared; goc's
#                      connections server-prepare from the first use too: server/StatementCache)
#   --client-cpus L    run every client (goc bench, JMH, pgbench) under taskset -c L, e.g. 1
#   --server-cpus L    pin the local PostgreSQL server (the postmaster and every backend, via its
#                      data directory's postmaster.pid; needs the rights to) to CPUs L for the
#                      calibration, e.g. 0, and restore its CPU set afterwards. With --client-cpus
#                      on other CPUs the client cannot take the server's CPU time: the ratio then
#                      says whether the harness keeps up with the server, not how much CPU the
#                      JVM and the driver take from it on a shared host
#   --out DIR          (default results/calibration)
#   --jar PATH         (default benchmarks/target/benchmarks.jar; build: ./mvnw -B -pl core,benchmarks -am -DskipTests package)
#   --goc PATH         (default ./goc at the repository root; it builds itself when stale)
#
# Steady state on every side: goc bench and JMH reset the table and their warm-up inserts the K
# keys; for pgbench the table is reset and prefilled with keys 1..K (pgbench aborts a client on a
# unique violation, so it cannot race the fill), then warmed up. The load average (1/5/15 min) is
# recorded before every measurement and printed beside each ratio: on a loaded machine the ratio
# says little, so calibrate on an idle one.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
url='jdbc:postgresql://127.0.0.1:5432/test?user=postgres'
clients=4; duration=10; warmup=5; keys=1000; mode=prepared; harness=both; npairs=3
client_cpus=""; server_cpus=""
strategies="naive transactional upsert"
out="$root/results/calibration"
jar="$here/target/benchmarks.jar"
goc="$root/goc"
while [ $# -gt 0 ]; do
  case "$1" in
    --harness) harness="$2"; shift 2;;
    --pairs) npairs="$2"; shift 2;;
    --goc) goc="$2"; shift 2;;
    --url) url="$2"; shift 2;;
    --clients) clients="$2"; shift 2;;
    --duration) duration="$2"; shift 2;;
    --warmup) warmup="$2"; shift 2;;
    --keys) keys="$2"; shift 2;;
    --strategies) strategies="$2"; shift 2;;
    --mode) mode="$2"; shift 2;;
    --client-cpus) client_cpus="$2"; shift 2;;
    --server-cpus) server_cpus="$2"; shift 2;;
    --out) out="$2"; shift 2;;
    --jar) jar="$2"; shift 2;;
    -h|--help) sed -n '2,37p' "$0"; exit 0;;
    *) echo "unknown option $1 (see --help)" >&2; exit 2;;
  esac
done
case "$harness" in
  engine) harnesses=engine;; jmh) harnesses=jmh;; both) harnesses="engine jmh";;
  *) echo "--harness takes engine, jmh or both, got '$harness'" >&2; exit 2;;
esac
[[ "$npairs" =~ ^[1-9][0-9]*$ ]] || { echo "--pairs takes a whole number >= 1, got '$npairs'" >&2; exit 2; }
if [[ " $harnesses " == *" jmh "* ]]; then
  [ -f "$jar" ] || { echo "no $jar: build it with ./mvnw -B -pl core,benchmarks -am -DskipTests package" >&2; exit 2; }
fi
if [[ " $harnesses " == *" engine "* ]]; then
  [ -x "$goc" ] || { echo "no goc launcher at $goc (pass --goc PATH)" >&2; exit 2; }
fi
command -v jq >/dev/null || { echo "jq not found (apt-get install jq)" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "/usr/bin/time not found (apt-get install time)" >&2; exit 2; }
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

# --client-cpus: every client runs under taskset; --server-cpus: the server's processes are pinned
# (new backends inherit the postmaster's CPU set) and given back all CPUs on exit.
pin=()
if [ -n "$client_cpus" ]; then
  command -v taskset >/dev/null || { echo "taskset not found (apt-get install util-linux)" >&2; exit 2; }
  pin=(taskset -c "$client_cpus")
fi
placement="clients and server share the host's CPUs"
if [ -n "$server_cpus" ]; then
  command -v taskset >/dev/null || { echo "taskset not found (apt-get install util-linux)" >&2; exit 2; }
  datadir="$(psql "${pg[@]}" -d "$db" -Atc 'show data_directory' 2>/dev/null)" \
    || { echo "--server-cpus: cannot read the server's data_directory (not a superuser?)" >&2; exit 2; }
  postmaster="$(head -1 "$datadir/postmaster.pid" 2>/dev/null)" \
    || { echo "--server-cpus: cannot read $datadir/postmaster.pid (a remote server, or no rights)" >&2; exit 2; }
  all_cpus="0-$(( $(nproc --all) - 1 ))"
  server_tasks() { echo "$postmaster" $(pgrep -P "$postmaster"); }
  unpin_server() { for t in $(server_tasks); do taskset -a -pc "$all_cpus" "$t" > /dev/null 2>&1 || true; done; }
  trap unpin_server EXIT
  for t in $(server_tasks); do
    taskset -a -pc "$server_cpus" "$t" > /dev/null \
      || { echo "--server-cpus: cannot pin server process $t (taskset refused)" >&2; exit 2; }
  done
  placement="server pinned to CPUs $server_cpus"
fi
[ -n "$client_cpus" ] && placement="$placement; clients pinned to CPUs $client_cpus"

stamp="$(date -u +%Y%m%dT%H%M%SZ)"
run="$out/$stamp"
mkdir -p "$run"
raw="$run/raw.tsv"
printf 'strategy\tharness\tpair\ttool\tops_per_s\tcalls\tseconds\tload1\tload5\tload15\tcpu_us_per_call\tbytes_per_call\n' > "$raw"
load() { awk '{print $1"\t"$2"\t"$3}' /proc/loadavg; }

# One measurement each; every one appends a row to raw.tsv.
measure_jmh() { # strategy pair
  local s="$1" p="$2" l; l="$(load)"
  "${pin[@]}" java -Dgoc.db.url="$url" -Dgoc.jmh.servers="$run/servers.json" -jar "$jar" \
    'GetOrCreateBenchmark.throughput$' -p db=postgres -p durable="$durable" -p strategy="$s" \
    -p keys="hotset:$keys" -t "$clients" -f 1 -wi 1 -w "${warmup}s" -i 1 -r "${duration}s" \
    -rf json -rff "$run/jmh-$s-$p.json" > "$run/jmh-$s-$p.log" 2>&1 \
    || { echo "JMH failed for $s, see $run/jmh-$s-$p.log" >&2; exit 1; }
  local ops calls
  ops="$(jq -r '.[0].primaryMetric.score' "$run/jmh-$s-$p.json")"
  calls="$(jq -r '.[0].secondaryMetrics.calls.score' "$run/jmh-$s-$p.json")"
  printf '%s\tjmh\t%s\tjmh\t%.1f\t%.0f\t%s\t%s\t-\t-\n' "$s" "$p" "$ops" "$calls" "$duration" "$l" >> "$raw"
}

measure_engine() { # strategy pair
  local s="$1" p="$2" l; l="$(load)"
  "${pin[@]}" "$goc" --verbose bench --db postgres --db-url "$url" --strategy "$s" --keys "hotset:$keys" \
    --threads "$clients" --duration "${duration}s" --warmup "${warmup}s" --json "$run/engine-$s-$p.json" \
    > "$run/engine-$s-$p.log" 2>&1 \
    || { echo "goc bench failed for $s, see $run/engine-$s-$p.log" >&2; exit 1; }
  local doc='if type == "array" then .[0] elif has("runs") then .runs[0] else . end'
  local ops calls secs
  ops="$(jq -r "$doc | .totals.callsPerSecond" "$run/engine-$s-$p.json")"
  calls="$(jq -r "$doc | .totals.calls" "$run/engine-$s-$p.json")"
  secs="$(jq -r "$doc | .totals.seconds" "$run/engine-$s-$p.json")"
  # client CPU and allocation per call of the worker threads in the measured window (--verbose logs them)
  local cpu bytes
  cpu="$(grep -o 'client cpu: [0-9.]* us' "$run/engine-$s-$p.log" | awk '{print $3}')"
  bytes="$(grep -o 'allocation: [0-9]* bytes' "$run/engine-$s-$p.log" | awk '{print $2}')"
  printf '%s\tengine\t%s\tgoc bench\t%.1f\t%s\t%.2f\t%s\t%s\t%s\n' "$s" "$p" "$ops" "$calls" "$secs" "$l" \
    "${cpu:--}" "${bytes:--}" >> "$raw"
}

measure_pgbench() { # strategy harness pair
  local s="$1" h="$2" p="$3" l tag="$1-$2-$3"
  psql -q "${pg[@]}" -d "$db" -v ON_ERROR_STOP=1 -v keys="$keys" -f "$here/pgbench/reset.sql" \
    > "$run/pgbench-$tag-reset.log" 2>&1 \
    || { echo "resetting the table failed for $s, see $run/pgbench-$tag-reset.log" >&2; exit 1; }
  "${pin[@]}" pgbench -n "${pg[@]}" -M "$mode" -c "$clients" -j "$clients" -T "$warmup" -D keys="$keys" \
    -f "$here/pgbench/$s.sql" "$db" > "$run/pgbench-$tag-warmup.log" 2>&1 \
    || { echo "pgbench warm-up failed for $s, see $run/pgbench-$tag-warmup.log" >&2; exit 1; }
  l="$(load)"
  "${pin[@]}" /usr/bin/time -f '%U %S' -o "$run/pgbench-$tag.time" \
    pgbench -n "${pg[@]}" -M "$mode" -c "$clients" -j "$clients" -T "$duration" -D keys="$keys" \
    -f "$here/pgbench/$s.sql" "$db" > "$run/pgbench-$tag.log" 2>&1 \
    || { echo "pgbench failed for $s, see $run/pgbench-$tag.log" >&2; exit 1; }
  local ops calls
  ops="$(sed -n 's/^tps = \([0-9.]*\) .*/\1/p' "$run/pgbench-$tag.log")"
  calls="$(sed -n 's/^number of transactions actually processed: \([0-9]*\).*/\1/p' "$run/pgbench-$tag.log")"
  # the pgbench process's user + system time per transaction (its whole process: it has no other work)
  local cpu
  cpu="$(awk -v n="$calls" 'n > 0 {printf "%.2f", ($1 + $2) * 1e6 / n}' "$run/pgbench-$tag.time")"
  printf '%s\t%s\t%s\tpgbench\t%.1f\t%s\t%s\t%s\t%s\t-\n' "$s" "$h" "$p" "$ops" "$calls" "$duration" "$l" \
    "${cpu:--}" >> "$raw"
}

for s in $strategies; do
  [ -f "$here/pgbench/$s.sql" ] || { echo "no pgbench script for $s" >&2; exit 2; }
  for h in $harnesses; do
    for p in $(seq 1 "$npairs"); do
      echo "$s: $h pair $p of $npairs (load $(cut -d' ' -f1-3 /proc/loadavg))" >&2
      if [ $((p % 2)) -eq 1 ]; then
        "measure_$h" "$s" "$p"; measure_pgbench "$s" "$h" "$p"
      else
        measure_pgbench "$s" "$h" "$p"; "measure_$h" "$s" "$p"
      fi
    done
  done
done

label() { case "$1" in engine) echo "goc bench (engine)";; jmh) echo "JMH";; esac; }
md="$out/$stamp.md"
{
  echo "# Calibration $stamp: goc's harnesses vs pgbench"
  echo
  echo "PostgreSQL $version at $host:$port/$db (fsync=$fsync, synchronous_commit=$sync_commit), keys hotset:$keys,"
  echo "$clients clients/threads, ${warmup} s warm-up + ${duration} s measured per tool, pgbench -M $mode,"
  echo "$npairs alternated pair(s) per strategy and harness (odd pairs: harness first; even: pgbench first)."
  echo "Host: $(nproc --all) cores ($placement), $(uname -sr), $(java -version 2>&1 | head -1)."
  echo "The ratio is the median of the pairs' harness/pgbench ratios; load1 is the 1-minute load average"
  echo "before each measurement (min-max over the pairs): the machine may be shared. Client CPU per call: goc bench's"
  echo "worker threads (ThreadMXBean, measured window; JIT, GC and goc's other threads not counted), pgbench's whole"
  echo "process (user + system, /usr/bin/time); on a 2-core host the server gets what the client leaves."
  echo
  echo "| strategy | harness | harness ops/s (median) | pgbench ops/s (median) | harness/pgbench (median) | pair ratios | load1 | client CPU µs/call, harness / pgbench (median) |"
  echo "|---|---|---:|---:|---:|---|---|---|"
  for s in $strategies; do
    for h in $harnesses; do
      awk -F'\t' -v s="$s" -v h="$h" -v name="$(label "$h")" '
        function median(a, n,   i, j, t) {
          for (i = 2; i <= n; i++) { t = a[i]; for (j = i - 1; j >= 1 && a[j] > t; j--) a[j + 1] = a[j]; a[j + 1] = t }
          return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
        }
        $1 == s && $2 == h && $4 != "pgbench" { ho[$3] = $5; load[++nl] = $8; if ($11 != "-" && $11 != "") hc[++nhc] = $11 }
        $1 == s && $2 == h && $4 == "pgbench" { po[$3] = $5; load[++nl] = $8; if ($11 != "-" && $11 != "") pc[++npc] = $11 }
        END {
          n = 0; list = ""
          for (p in ho) if (p in po && po[p] > 0) { n++; r[n] = ho[p] / po[p]; hh[n] = ho[p]; pp[n] = po[p] }
          for (i = 1; i <= n; i++) { ordered[i] = r[i] }
          for (p = 1; p <= 1000; p++) if ((p in ho) && (p in po) && po[p] > 0) list = list (list == "" ? "" : ", ") sprintf("%.3f", ho[p] / po[p])
          lo = hi = load[1]; for (i = 2; i <= nl; i++) { if (load[i] < lo) lo = load[i]; if (load[i] > hi) hi = load[i] }
          cpu = (nhc ? sprintf("%.1f", median(hc, nhc)) : "-") " / " (npc ? sprintf("%.1f", median(pc, npc)) : "-")
          if (n == 0) { printf "| %s | %s | - | - | - | - | %s-%s | %s |\n", s, name, lo, hi, cpu; exit }
          printf "| %s | %s | %.0f | %.0f | %.3f | %s | %s-%s | %s |\n", s, name, median(hh, n), median(pp, n), median(ordered, n), list, lo, hi, cpu
        }' "$raw"
    done
  done
  echo
  echo "Raw numbers (one row per measurement, with its load average): [$stamp/raw.tsv]($stamp/raw.tsv);"
  echo "goc bench JSON, JMH JSON and logs, pgbench logs in [$stamp/]($stamp/)."
} > "$md"
cat "$md"
