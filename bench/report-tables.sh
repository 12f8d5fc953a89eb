#!/usr/bin/env bash
# The result summary (汇总表) of a province-size campaign through the product's code: boots the application in-process
# on a fresh data directory, seeds with the scoring benchmark's SQL a campaign of 3,000 targets × 150 tasks (20
# categories; 450,000 evaluations, 15,000 events), computes and stores its results (ResultService.compute, not timed),
# then writes the summary xlsx with ResultSummaryTable.write — what GET …/documents/result-summary.xlsx and the
# RESULT_SUMMARY background job run — to a file: each run's time split into rows (database reads, JSON, SXSSF rows) and
# the final zip, the median (min – max), GC time, the live heap during a write (after forced GCs) against the idle
# baseline, the file's size and a streamed read-back check (sheets, rows, cells, no formulas); PASS/MISS against the
# goal (< 10 s). Reports, does not gate: exit status 0 (1 only when the benchmark itself breaks).
# Runs pinned to 2 cores (taskset -c 0,1, when taskset exists; the embedded PostgreSQL inherits the pinning).
# Usage: bench/report-tables.sh [warm-up=1] [runs=3] [seed=20261231]
#   e.g. TARGETS=600 bench/report-tables.sh 1 2   (a quick run on a smaller campaign)
# Environment: HEAP (default 2g: the seeding's compute needs it, the summary does not), CPUS (default 0,1; empty = no
#   pinning), TARGETS (default 3000, a multiple of 20), KEEP=1 keeps the data directory, DATA_DIR, LOG_LEVEL (default
#   WARN), MVN_OPTS (extra flags for ./mvnw, e.g. -o offline), JAVA_OPTS (extra JVM flags, e.g. -Xlog:gc).
set -euo pipefail
cd "$(dirname "$0")/.."
HEAP=${HEAP:-2g}
CPUS=${CPUS-0,1}

# shellcheck disable=SC2086
./mvnw -q ${MVN_OPTS:-} test-compile
# shellcheck disable=SC2086
./mvnw -q ${MVN_OPTS:-} dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt \
  -Dmdep.includeScope=test

PIN=()
if [ -n "$CPUS" ] && command -v taskset >/dev/null 2>&1; then
  PIN=(taskset -c "$CPUS")
  echo "pinned to cores $CPUS of $(nproc --all 2>/dev/null || echo '?') ($(uname -m), $(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | cut -d: -f2- | sed 's/^ *//' || true))"
else
  echo "not pinned (taskset missing or CPUS empty): $(nproc) processors"
fi
# shellcheck disable=SC2086
exec "${PIN[@]}" java -Xmx"$HEAP" ${JAVA_OPTS:-} -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  org.dudao.bench.ResultSummaryBenchmark "$@"
