#!/usr/bin/env bash
# Runs the performance benchmark (issue 6): builds the jar and the test classes, then
#   bench/run.sh [--sizes 10,100,1000,10000,100000] [--repeat 3] [--out bench/results.md]
#                [--baseline-jar OLD.jar [--baseline-max-size 1000]] [--shared ../shared] [--work DIR]
# Needs ../shared (the NeuroML2 core types, the reference data and IzhLimit.java) and /usr/bin/time.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
mvn -q -B -o -DskipTests package >&2
rm -f target/lemsbridge.jsa && touch pom.xml && ./lemsbridge --version >&2   # rebuild + record the CDS archive, as users get it
exec java -cp target/test-classes org.lemsbridge.bench.Benchmark --project "$here" "$@"
