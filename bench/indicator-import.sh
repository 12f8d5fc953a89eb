#!/usr/bin/env bash
# Indicator import benchmark: reads a generated 2,000-row indicator workbook and validates the tree,
# five rounds, printing milliseconds per round (goal: each well under 3 s on 2 cores).
# Usage: bench/indicator-import.sh [rows] [rounds]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -DskipTests test-compile
./mvnw -q dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
java -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  org.dudao.bench.IndicatorImportBenchmark "${1:-2000}" "${2:-5}"
