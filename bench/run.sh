#!/usr/bin/env bash
# Issue 18's figures side by side in one run (org.lemsbridge.bench.SideBySide): builds the jar and the test classes,
# records the launcher's class-data-sharing archive as users get it, then measures each workload against its anchor as
# whole processes, alternately, and writes bench/side-by-side.md and the README's performance table:
#   bench/run.sh [--repeat 5] [--sizes 1000,10000,100000] [--trace-mb 150] [--parts ex2,scaling,check,compare]
#                [--jlems /tmp/jlems] [--shared ../shared] [--work DIR] [--out bench/side-by-side.md] [--readme README.md|none]
# Needs ../shared (reference data, upstream core types, IzhLimit.java), jLEMS 0.11.1 as one command (--jlems),
# /usr/bin/time and cmp.
#   bench/run.sh --loops [--sizes ...] [--repeat 3] [--out FILE] ...   runs the loop benchmark of issue 6 instead.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
mvn -q -B -o -DskipTests package >&2
rm -f target/lemsbridge.jsa && touch pom.xml && ./lemsbridge --version >&2   # rebuild + record the CDS archive, as users get it
if [ "${1:-}" = "--loops" ]; then
    shift
    exec java -cp target/test-classes org.lemsbridge.bench.Benchmark --project "$here" "$@"
fi
exec java -cp target/test-classes org.lemsbridge.bench.SideBySide --project "$here" --readme "$here/README.md" "$@"
