#!/usr/bin/env bash
# bench/knowledge: ingest. DOCS=n markdown handbooks are uploaded at once to `columnline serve` on a
# fresh embedded PostgreSQL; prints chunks/s and tokens/s from the first upload until every source
# is ready, next to the baseline measured in the same run: the bare embedding model (from the same
# jar) embedding the same chunks in the same 128-token windows on as many threads as cores.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
work="$(mktemp -d /tmp/columnline-bench-knowledge-XXXXXX)"
export COLUMNLINE_HOME="$work/home"
export COLUMNLINE_ADMIN_KEY="bench-admin-key-0123456789abcdef"
export COLUMNLINE_PORT="${BENCH_HTTP_PORT:-18083}"
[ -f "$root/app/target/columnline.jar" ] || (cd "$root" && ./mvnw -B -q -DskipTests package)

"$root/columnline" serve > "$work/serve.log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 1 120); do grep -q "ready at" "$work/serve.log" && break; sleep 1; done
grep -q "ready at" "$work/serve.log" || { cat "$work/serve.log"; exit 1; }
echo "machine: $(nproc) cores; server: $(grep 'ready at' "$work/serve.log")"
java_bin="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
[ -x "$java_bin" ] || java_bin=java
"$java_bin" -Djava.io.tmpdir="$work" -DDJL_CACHE_DIR="$work/djl" -cp "$root/app/target/columnline.jar" \
  "$here/IngestBench.java" "http://127.0.0.1:$COLUMNLINE_PORT" "$COLUMNLINE_ADMIN_KEY" "${DOCS:-40}"
