#!/usr/bin/env bash
# Startup benchmark: time from `java -jar target/dudao.jar` to the login page answering 200, on a fresh
# data directory (embedded PostgreSQL initdb + Flyway + demo data) and on a restart of the same data
# directory; prints seconds and the JVM's resident memory. Build first: ./mvnw -q -DskipTests package
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=target/dudao.jar
PORT=${PORT:-18089}
[ -f "$JAR" ] || { echo "build first: ./mvnw -q -DskipTests package" >&2; exit 1; }
DATA=$(mktemp -d)
trap 'rm -rf "$DATA"' EXIT

run() {
  local label=$1
  local start end pid rss
  start=$(date +%s.%N)
  java -jar "$JAR" --server.port="$PORT" --dudao.data-dir="$DATA" >"$DATA/$label.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 600); do
    if curl -fs -o /dev/null "http://localhost:$PORT/login"; then break; fi
    sleep 0.2
  done
  end=$(date +%s.%N)
  # demo data is loaded right after the web server starts; wait for it to be written
  for _ in $(seq 1 300); do
    grep -q "Dudao is running" "$DATA/$label.log" && break
    sleep 0.2
  done
  local ready
  ready=$(date +%s.%N)
  rss=$(ps -o rss= -p "$pid" | tr -d ' ')
  printf '%-8s login page after %5.1f s, ready after %5.1f s, RSS %d MiB\n' \
    "$label" "$(awk "BEGIN{print $end-$start}")" "$(awk "BEGIN{print $ready-$start}")" "$((rss / 1024))"
  kill "$pid"; wait "$pid" 2>/dev/null || true
}

run fresh
run restart
