#!/bin/sh
# The JVM framework clients (frameworks-jvm: the real Hibernate ORM and jOOQ, not replays) raced by
# goc race on embedded PostgreSQL and embedded MariaDB, in autocommit and inside an outer transaction
# at the server's default isolation, 8 threads x ROUNDS rounds each, one JSON per run into json/,
# then grid.py -> grid.md. The runs go through goc's command line inside one JVM
# (FrameworksGridIT), so the embedded servers start once; the same run by hand, one per ./goc:
#   ./goc race --db postgres --strategy-class io.github.gocbench.frameworks.<class> --classpath "$CP" ...
set -eu
cd "$(dirname "$0")/../.."
ROUNDS=${ROUNDS:-300}
OUT="$PWD/results/frameworks-jvm/json"
rm -rf "$OUT"
./mvnw -q -B -DskipTests -Djacoco.skip=true -Dexamples.skip=true -pl junit,core install
./mvnw -B -o -pl frameworks-jvm verify -Djacoco.skip=true -Dtest=none -Dit.test=FrameworksGridIT \
  -Dsurefire.failIfNoSpecifiedTests=false -Dgoc.grid.out="$OUT" -Dgoc.grid.rounds="$ROUNDS"
python3 results/frameworks-jvm/grid.py
