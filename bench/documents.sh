#!/usr/bin/env bash
# Official documents of a city-size campaign through the product's REST API: boots the application in-process on a
# fresh data directory with the demo data (embedded PostgreSQL), creates, rates, computes, approves and publishes a
# PDS-2020 campaign of 60 targets, then downloads the results notice and the annual assessment report as docx and as
# PDF (LibreOffice when installed, else OpenPDF) and prints, per document, the median (min–max) time in ms, the size,
# PASS/MISS against the goal (under 5 s each on 2 cores) and the heap used after GC. Reports, does not gate.
# Runs pinned to 2 cores (taskset -c 0,1, when taskset exists; PostgreSQL and soffice inherit the pinning).
# Usage: bench/documents.sh [warm-up=1] [runs=5]
# Environment: HEAP (default 1g), CPUS (default 0,1; empty = no pinning), KEEP=1 keeps the data directory,
#   DATA_DIR, LOG_LEVEL (default WARN), MVN_OPTS (extra flags for ./mvnw, e.g. -o), JAVA_OPTS.
set -euo pipefail
cd "$(dirname "$0")/.."
HEAP=${HEAP:-1g}
CPUS=${CPUS-0,1}

# shellcheck disable=SC2086
./mvnw -q ${MVN_OPTS:-} test-compile
# shellcheck disable=SC2086
./mvnw -q ${MVN_OPTS:-} dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt \
  -Dmdep.includeScope=test

PIN=()
if [ -n "$CPUS" ] && command -v taskset >/dev/null 2>&1; then
  PIN=(taskset -c "$CPUS")
  echo "pinned to cores $CPUS of $(nproc --all 2>/dev/null || echo '?') ($(uname -m))"
else
  echo "not pinned (taskset missing or CPUS empty): $(nproc) processors"
fi
# shellcheck disable=SC2086
exec "${PIN[@]}" java -Xmx"$HEAP" ${JAVA_OPTS:-} -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  org.dudao.bench.DocumentBenchmark "$@"
