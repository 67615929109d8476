#!/usr/bin/env bash
# bench/memory: research cache lookups. ENTRIES (100,000) entries for each of CLIENTS (10) clients
# (1,000,000 in all) on `columnline serve` with a fresh embedded PostgreSQL; 32 callers at once.
# Prints p50/p95/p99 of exact and semantic lookups next to the baseline measured in the same run,
# an authenticated GET of a run.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
work="$(mktemp -d /tmp/columnline-bench-memory-XXXXXX)"
export COLUMNLINE_HOME="$work/home"
export COLUMNLINE_ADMIN_KEY="bench-admin-key-0123456789abcdef"
export COLUMNLINE_PORT="${BENCH_HTTP_PORT:-18084}"
[ -f "$root/app/target/columnline.jar" ] || (cd "$root" && ./mvnw -B -q -DskipTests package)

"$root/columnline" serve > "$work/serve.log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 1 120); do grep -q "ready at" "$work/serve.log" && break; sleep 1; done
grep -q "ready at" "$work/serve.log" || { cat "$work/serve.log"; exit 1; }
echo "machine: $(nproc) cores; server: $(grep 'ready at' "$work/serve.log")"
java_bin="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
[ -x "$java_bin" ] || java_bin=java
"$java_bin" -Djava.io.tmpdir="$work" -cp "$root/app/target/columnline.jar" "$here/MemoryBench.java" \
  "http://127.0.0.1:$COLUMNLINE_PORT" "$COLUMNLINE_ADMIN_KEY" "$(cat "$COLUMNLINE_HOME/postgres.port")" \
  "${ENTRIES:-100000}" "${CLIENTS:-10}"
