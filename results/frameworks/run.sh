#!/bin/sh
# The framework grid (issue 16): every framework replay (goc strategies, section frameworks) on
# embedded PostgreSQL and embedded MariaDB through 'goc compare --frameworks': races in autocommit
# at 2, 4, 8 and 16 threads and, at 8, inside an outer transaction at the server's default
# isolation (plus the --side-effect and --no-unique races), then steady runs (goodput). Writes
# results/frameworks/<UTC timestamp>/ (results.json, results.csv, report, charts) and
# results/frameworks/latest; grid.py turns latest/results.json into grid.md.
# About 25 minutes on a loaded 2-core machine; pass --quick for about 6 (races of 0.5 s: fewer rounds).
set -eu
cd "$(dirname "$0")/../.."
./goc compare --frameworks --db postgres,mariadb --out results/frameworks "$@"
python3 results/frameworks/grid.py
