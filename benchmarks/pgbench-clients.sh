#!/usr/bin/env bash
# The machine's own 1 -> N client step, without goc: pgbench's built-in select-only script
# (-S, prepared) against a server, at 1, 2 and 4 clients, with the load average beside each run.
# The README cites this when it explains why goc's throughput jumps from 1 to 2 threads on a
# 2-core machine: a lone client waits each time for the server process to be woken.
#
# Usage: benchmarks/pgbench-clients.sh [--host H] [--port P] [--db D] [--user U] [--duration S] [--out FILE]
# Defaults: 127.0.0.1 5432 test postgres, 10 s per run, results/calibration/pgbench-clients-<UTC time>.md (never overwritten)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
host=127.0.0.1; port=5432; db=test; user=postgres; duration=10
out="$root/results/calibration/pgbench-clients-$(date -u +%Y%m%dT%H%M%SZ).md"
while [ $# -gt 0 ]; do
  case "$1" in
    --host) host="$2"; shift 2 ;;
    --port) port="$2"; shift 2 ;;
    --db) db="$2"; shift 2 ;;
    --user) user="$2"; shift 2 ;;
    --duration) duration="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    -h|--help) sed -n '2,9p' "$0"; exit 0 ;;
    *) echo "pgbench-clients.sh: unknown option '$1' (see --help)" >&2; exit 2 ;;
  esac
done
command -v pgbench >/dev/null || { echo "pgbench-clients.sh: pgbench is not installed" >&2; exit 3; }
conn=(-h "$host" -p "$port" -U "$user")
# a separate pgbench schema (pgbench_*) at scale 1; the goc tables are not touched
pgbench "${conn[@]}" -i -s 1 -q "$db" >/dev/null 2>&1
server=$(psql "${conn[@]}" -d "$db" -Atc 'SHOW server_version')
tmp="$(mktemp "${out}.XXXXXX")"
{
  echo "# pgbench select-only, 1 vs 2 vs 4 clients"
  echo
  echo "Made by \`benchmarks/pgbench-clients.sh --duration $duration\` on $(date -u +%Y-%m-%dT%H:%MZ):"
  echo "PostgreSQL $server at $host:$port, \`pgbench -S -M prepared -T $duration -c N -j N\`, host $(nproc) cores,"
  echo "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')."
  echo
  echo "| clients | tps | load average before (1/5/15 min) |"
  echo "|---:|---:|---|"
  for c in 1 2 4; do
    load=$(cut -d' ' -f1-3 /proc/loadavg)
    tps=$(pgbench "${conn[@]}" -S -M prepared -T "$duration" -c "$c" -j "$c" "$db" 2>/dev/null \
      | sed -n 's/^tps = \([0-9.]*\) .*/\1/p' | head -1)
    printf '| %d | %.0f | %s |\n' "$c" "$tps" "$load"
  done
  echo
  echo "A load average near or above the core count means other work shared the machine: the ratio"
  echo "between rows says more than the absolute figures."
} > "$tmp"
mv "$tmp" "$out"
cat "$out"
