#!/usr/bin/env bash
# Issue 18's figures side by side in one run (org.lemsbridge.bench.SideBySide): builds the jar and the test classes,
# records the launcher's class-data-sharing archive as users get it, then measures each workload against its anchor as
# whole processes, alternately, and writes bench/side-by-side.md and the README's performance table:
#   bench/run.sh [--repeat 5] [--sizes 1000,10000,100000] [--trace-mb 150] [--parts ex2,scaling,check,compare]
#                [--jlems /tmp/jlems] [--shared ../shared] [--work DIR] [--out bench/side-by-side.md] [--readme README.md|none]
#                [--section side-by-side]   (the README block it replaces: <!-- SECTION:begin --> ... <!-- SECTION:end -->)
# On another JVM: JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64 bench/run.sh --section side-by-side-java25 --out bench/side-by-side-java25.md
# Needs ../shared (reference data, upstream core types, IzhLimit.java), jLEMS 0.11.1 as one command (--jlems),
# /usr/bin/time and cmp.
#   bench/run.sh --loops [--sizes ...] [--repeat 3] [--out FILE] ...   runs the loop benchmark of issue 6 instead.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
# Every process runs on the launcher's JVM: $LEMSBRIDGE_JAVA, else $JAVA_HOME/bin/java, else the PATH's java.
if [ -n "${LEMSBRIDGE_JAVA:-}" ]; then
    java="$LEMSBRIDGE_JAVA"
elif [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
    java="$JAVA_HOME/bin/java"
else
    java=java
fi
mvn -q -B -o -DskipTests package >&2
# rebuild, then record both of the launcher's archives (simulate's and the other commands'), as users get them
rm -f target/lemsbridge*.jsa target/lemsbridge*.aot && touch pom.xml && ./lemsbridge --version >&2
training="$(mktemp -d)"
./lemsbridge simulate examples/ex2-izhikevich/Ex2_Izh.xml -o "$training" > /dev/null
rm -rf "$training"
if [ "${1:-}" = "--loops" ]; then
    shift
    exec "$java" -cp target/test-classes org.lemsbridge.bench.Benchmark --project "$here" "$@"
fi
exec "$java" -cp target/test-classes org.lemsbridge.bench.SideBySide --project "$here" --readme "$here/README.md" "$@"
