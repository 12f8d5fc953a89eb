#!/usr/bin/env bash
# Scoring at province/nation size through the product's database: boots the application in-process on a fresh
# data directory (embedded PostgreSQL, Flyway schema), seeds with plain SQL a campaign of 3,000 targets × 150 tasks
# (450,000 evaluations, 15,000 approved bonus/penalty events), then prints, as median (min–max) of the runs:
# the SQL floor (one aggregate summing the raw points per target), the full compute and ranking (ScoringInputs.summed
# — the evaluations summed per target in one aggregate — + ScoringEngine.compute, and each part of the load), a check
# that the summed computation equals the task-by-task one, persisting the 3,000 results, the product's
# ResultService.compute, one breakdown computed on read, and the product's path after one changed grade
# (ResultUpdates.changed in the change's transaction, 1,000 changes: median, p99, max; then a check that the stored
# results equal a full compute from scratch); PASS/MISS against the goals (full compute ≤ 3 × the floor and < 2 s, a
# single change < 20 ms at p99), the used heap after GC and the processors. Reports, does not gate: exit status 0 (1
# only when the benchmark itself breaks).
# Runs pinned to 2 cores (taskset -c 0,1, when taskset exists; the embedded PostgreSQL inherits the pinning).
# Usage: bench/scoring.sh [warm-up=2] [runs=5] [changes=1000] [seed=20261231]
#   e.g. TARGETS=600 bench/scoring.sh 1 3 200   (a quick run on a smaller campaign)
# Environment: HEAP (default 2g), CPUS (default 0,1; empty = no pinning), TARGETS (default 3000, a multiple of 20),
#   KEEP=1 keeps the data directory, DATA_DIR (default a fresh temporary directory), LOG_LEVEL (default WARN),
#   MVN_OPTS (extra flags for ./mvnw, e.g. -o offline), JAVA_OPTS (extra JVM flags, e.g. -Xlog:gc).
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
  org.dudao.bench.ScoringBenchmark "$@"
