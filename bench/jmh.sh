#!/usr/bin/env bash
# JMH microbenchmarks of the hot paths (YAML load, state codec, no-op diff, graph build):
# bench/jmh.sh [JMH options], e.g. bench/jmh.sh -p instances=10000. Compiles with -Pjmh only.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -Pjmh test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/jmh.classpath >&2
exec java -cp "target/test-classes:target/classes:$(cat target/jmh.classpath)" \
  org.openjdk.jmh.Main HotPathBenchmark "$@"
