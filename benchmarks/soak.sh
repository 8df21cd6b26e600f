#!/usr/bin/env bash
# soak.sh: one long steady run, to show that memory stays flat and throughput stable.
#
#   benchmarks/soak.sh [DURATION] [OUTDIR]      default: 30m results/soak/<UTC timestamp>
#
# Runs 'goc bench' (embedded PostgreSQL, upsert, 4 threads, hotset:1000) for DURATION with GC
# logging on, keeps the progress lines (one every 5 s: elapsed time and calls so far), and writes
# OUTDIR/summary.md: heap after the last GC of each minute, and calls/s of each minute.
# Extra options for the run: SOAK_ARGS, e.g. SOAK_ARGS="--db mariadb --strategy transactional".
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
duration="${1:-30m}"
out="${2:-$root/results/soak/$(date -u +%Y%m%d-%H%M%S)}"
mkdir -p "$out"
args=(${SOAK_ARGS:---db postgres --strategy upsert})

GOC_JAVA_OPTS="${GOC_JAVA_OPTS:-} -Xlog:gc:file=$out/gc.log:uptime" \
  "$root/goc" bench "${args[@]}" --threads 4 --keys hotset:1000 --warmup 10s --duration "$duration" \
  --json "$out/result.json" 2> "$out/progress.log" | tee "$out/stdout.txt"

# elapsed "1m05s" / "45s" / "1h02m" -> seconds
awk -v dur="$duration" '
function secs(t,   s, n) {
  s = 0
  while (match(t, /^[0-9]+[hms]/)) {
    n = substr(t, 1, RLENGTH - 1) + 0
    u = substr(t, RLENGTH, 1)
    s += (u == "h" ? 3600 : u == "m" ? 60 : 1) * n
    t = substr(t, RLENGTH + 1)
  }
  return s
}
FNR == 1 { file++ }
file == 1 && / elapsed / {
  for (i = 1; i <= NF; i++) {
    if ($i == "elapsed") e = secs($(i + 1))
    if ($i == "calls") c = $(i + 1) + 0
  }
  if (index($0, " measure ") && !start_set) { start = e; start_calls = c; start_set = 1 }
  if (start_set) { m = int((e - start) / 60); last_e[m] = e; last_c[m] = c; if (m > maxm) maxm = m }
}
file == 2 && /Pause/ {
  up = $1; gsub(/[\[\]s]/, "", up)
  if (match($0, /->[0-9]+M/)) { h = substr($0, RSTART + 2, RLENGTH - 3) + 0 }
  gm = int(up / 60); heap[gm] = h; gcs[gm]++; if (gm > maxg) maxg = gm
}
END {
  print "| minute | calls/s in that minute (from the 5 s progress lines) |"
  print "|---:|---:|"
  pe = start; pc = start_calls
  for (m = 0; m <= maxm; m++) {
    if (!(m in last_e)) continue
    if (last_e[m] > pe) printf "| %d | %.0f |\n", m + 1, (last_c[m] - pc) / (last_e[m] - pe)
    pe = last_e[m]; pc = last_c[m]
  }
  print ""
  print "| JVM minute | GCs | heap after the last GC of the minute (MB) |"
  print "|---:|---:|---:|"
  for (g = 0; g <= maxg; g++) if (g in heap) printf "| %d | %d | %d |\n", g + 1, gcs[g], heap[g]
}' "$out/progress.log" "$out/gc.log" > "$out/figures.md"
cat "$out/figures.md"
