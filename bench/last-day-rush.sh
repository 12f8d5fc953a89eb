#!/usr/bin/env bash
# The last-day rush: N concurrent uploaders (target accounts of the demo campaign, one task each), F files each of
# MIN–MAX MB, over loopback against the running jar on a fresh data directory. Prints the upload throughput next to
# the raw sequential disk-write throughput of the same disk (dd, measured in the same run), p50/p90/p99 upload
# latency, the server's heap growth (used heap after a full GC, before and after the rush, via jcmd), and verifies
# every acknowledged file by downloading it and comparing SHA-256 and size: 0 lost, 0 corrupt.
# MB means MiB. Exit status: 1 when a file is lost or corrupt, 2 when some uploads were refused.
# Usage: bench/last-day-rush.sh [uploaders=200] [files-per-uploader=5] [min-MB=1] [max-MB=20] [server-heap=1g]
#   e.g. bench/last-day-rush.sh 20 2 1 4   (a quick run)
# Environment: KEEP=1 keeps the data directory (target/bench-rush/data-<timestamp>, ~10 GB for the default run),
#   PORT (default a free one from 18080 + random), DD_MB (size of the dd test, default 2048), SEED.
set -euo pipefail
cd "$(dirname "$0")/.."
UPLOADERS=${1:-200}
FILES=${2:-5}
MIN_MB=${3:-1}
MAX_MB=${4:-20}
HEAP=${5:-1g}
DD_MB=${DD_MB:-2048}
SEED=${SEED:-20261231}

./mvnw -q -DskipTests package
./mvnw -q dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test

STAMP=$(date +%Y%m%d-%H%M%S)
ROOT=$PWD/target/bench-rush
DATA=$ROOT/data-$STAMP
LOG=$ROOT/server-$STAMP.log
mkdir -p "$DATA"

SERVER=
cleanup() {
  if [ -n "$SERVER" ] && kill -0 "$SERVER" 2>/dev/null; then
    kill "$SERVER" 2>/dev/null || true
    # the server stops its embedded PostgreSQL on the way out: give it time
    for _ in $(seq 1 120); do kill -0 "$SERVER" 2>/dev/null || break; sleep 0.5; done
    kill -9 "$SERVER" 2>/dev/null || true
  fi
  if [ "${KEEP:-0}" = 1 ]; then
    echo "data directory kept: $DATA"
  else
    rm -rf "$DATA"
  fi
}
trap cleanup EXIT

# raw sequential write throughput of the disk under the data directory (flushed to the device)
DD_OUT=$(LC_ALL=C dd if=/dev/zero of="$DATA/dd.tmp" bs=1M count="$DD_MB" conv=fdatasync 2>&1 | tail -1)
rm -f "$DATA/dd.tmp"
DD_BYTES=$(echo "$DD_OUT" | awk '{print $1}')
DD_SECONDS=$(echo "$DD_OUT" | sed -E 's/.* copied, ([0-9.]+) s,.*/\1/')
DISK_MBPS=$(awk -v b="$DD_BYTES" -v s="$DD_SECONDS" 'BEGIN { printf "%.1f", b / s / 1048576 }')
echo "dd: $DD_OUT"

if [ -z "${PORT:-}" ]; then
  PORT=$((18080 + RANDOM % 1000))
  while (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; do PORT=$((PORT + 1)); done
fi
BASE=http://127.0.0.1:$PORT
java -Xmx"$HEAP" -jar target/dudao.jar --dudao.data-dir="$DATA" --server.port="$PORT" >"$LOG" 2>&1 &
SERVER=$!
echo "server pid $SERVER on port $PORT, log $LOG; waiting for it (the first start loads the demo data)"
STARTED=$(date +%s)
until curl -fs -o /dev/null "$BASE/actuator/health" && [ -f "$DATA/demo-accounts.csv" ] \
  && grep -q "Dudao is running" "$LOG"; do
  if ! kill -0 "$SERVER" 2>/dev/null; then
    echo "the server stopped:" >&2
    tail -40 "$LOG" >&2
    exit 1
  fi
  if [ $(($(date +%s) - STARTED)) -gt 300 ]; then
    echo "the server did not answer within 300 s" >&2
    exit 1
  fi
  sleep 1
done
echo "server ready after $(($(date +%s) - STARTED)) s"

RC=0
java -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  org.dudao.bench.LastDayRushBenchmark "$BASE" "$DATA" "$DISK_MBPS" "$SERVER" "$HEAP" \
  "$UPLOADERS" "$FILES" "$MIN_MB" "$MAX_MB" "$SEED" || RC=$?
echo "server log: $(grep -c ' ERROR ' "$LOG" || true) ERROR, $(grep -c ' WARN ' "$LOG" || true) WARN lines ($LOG)"
exit "$RC"
