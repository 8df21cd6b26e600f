#!/usr/bin/env bash
# Issue 12: goc bench (the engine) beside a plain JDBC loop (PlainUpsertLoop.java, the floor) and
# pgbench, alternated, on the machine's PostgreSQL: upsert, hotset:1000, 4 threads/clients,
# 5 s warm-up + 10 s measured each. Per run: calls/s, client CPU per call (goc: the worker
# threads' ThreadMXBean CPU time, logged by --verbose; plain loop: the same; pgbench: the pgbench
# process's user + system time / transactions, warm-up excluded) and bytes allocated per call.
# Usage: benchmarks/plain/engine-vs-plain.sh OUT.tsv PAIRS [WARMUP_S] [TOOLS]   (run from the repository root,
# after building core/target/goc-cli.jar; WARMUP_S defaults to 5, TOOLS to "goc plain pgbench";
# GOC_JAVA_OPTS reaches both JVMs). Columns: label pair tool calls/s cpu_us/call
# bytes/call load1_before load1_after.
set -uo pipefail
out="$1"; pairs="$2"; warm="${3:-5}"; tools="${4:-goc plain pgbench}"; tag="$(basename "$out" .tsv)"; logs="$(dirname "$out")"
url='jdbc:postgresql://127.0.0.1:5432/test?user=postgres'
pg=(-h 127.0.0.1 -p 5432 -U postgres)
load() { awk '{print $1}' /proc/loadavg; }
for p in $(seq 1 "$pairs"); do
  for who in $tools; do
    l=$(load)
    if [ $who = goc ]; then
      log="$logs/$tag-goc-$p.log"
      java ${GOC_JAVA_OPTS:-} -jar core/target/goc-cli.jar --verbose bench --db postgres --db-url "$url" --strategy upsert \
        --keys hotset:1000 --threads 4 --duration 10s --warmup ${warm}s > "$log" 2>&1
      cps=$(grep -E '^upsert +steady' "$log" | awk '{print $6}')
      cpu=$(grep -o 'client cpu: [0-9.]* us' "$log" | awk '{print $3}')
      by=$(grep -o 'allocation: [0-9]* bytes' "$log" | awk '{print $2}')
      printf '%s\t%s\tgoc\t%s\t%s\t%s\t%s\t%s\n' "$tag" "$p" "$cps" "$cpu" "$by" "$l" "$(load)" >> "$out"
    elif [ $who = plain ]; then
      r=$(java ${GOC_JAVA_OPTS:-} -cp core/target/lib/postgresql-42.7.14.jar benchmarks/plain/PlainUpsertLoop.java "$url" 4 "$warm" 10 1000)
      printf '%s\t%s\tplain\t%s\t%s\t%s\t%s\t%s\n' "$tag" "$p" "$(echo "$r" | cut -f6)" "$(echo "$r" | cut -f8)" \
        "$(echo "$r" | cut -f10)" "$l" "$(load)" >> "$out"
    else
      psql -q "${pg[@]}" -d test -v ON_ERROR_STOP=1 -v keys=1000 -f benchmarks/pgbench/reset.sql > /dev/null 2>&1
      pgbench -n "${pg[@]}" -M prepared -c 4 -j 4 -T "$warm" -D keys=1000 -f benchmarks/pgbench/upsert.sql test > /dev/null 2>&1
      l=$(load)
      log="$logs/$tag-pgbench-$p.log"
      /usr/bin/time -f '%U %S' -o "$log.time" pgbench -n "${pg[@]}" -M prepared -c 4 -j 4 -T 10 -D keys=1000 \
        -f benchmarks/pgbench/upsert.sql test > "$log" 2>&1
      tps=$(sed -n 's/^tps = \([0-9.]*\) .*/\1/p' "$log")
      n=$(sed -n 's/^number of transactions actually processed: \([0-9]*\).*/\1/p' "$log")
      cpu=$(awk -v n="$n" '{printf "%.2f", ($1 + $2) * 1e6 / n}' "$log.time")
      printf '%s\t%s\tpgbench\t%s\t%s\t-\t%s\t%s\n' "$tag" "$p" "$tps" "$cpu" "$l" "$(load)" >> "$out"
    fi
  done
done
cat "$out"
