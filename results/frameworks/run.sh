#!/bin/sh
# The framework grid (issue 16): every framework replay (goc strategies, section frameworks) on
# embedded PostgreSQL and embedded MariaDB through 'goc compare --frameworks --quick': races in
# autocommit at 2 and 8 threads and, at 8, inside an outer transaction at the server's default
# isolation (plus the --side-effect and --no-unique races), then steady runs at 1 and 8 threads on
# one hot key and on hotset:1000 (goodput). Writes results/frameworks/<UTC timestamp>/ (results.json,
# results.csv, report) and results/frameworks/latest; grid.py turns latest/results.json into grid.md.
set -eu
cd "$(dirname "$0")/../.."
./goc compare --frameworks --quick --db postgres,mariadb --out results/frameworks "$@"
python3 results/frameworks/grid.py
