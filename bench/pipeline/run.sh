#!/usr/bin/env bash
# bench/pipeline: SCENARIOS=32 concurrent scenarios each drive a run of a 25-step pipeline through
# prepare and complete over HTTP against `columnline serve` on a fresh embedded PostgreSQL; each step's
# input is 20 KB in all (the earlier step's clean output) and each complete sends a 20 KB OpenAI
# Responses answer. It prints p50/p99 of prepare and of complete next to the baseline measured in the
# same run: POST /api/v1/runs/{id}/steps with the same output at the same concurrency.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
work="$(mktemp -d /tmp/columnline-bench-pipeline-XXXXXX)"
export COLUMNLINE_HOME="$work/home"
export COLUMNLINE_ADMIN_KEY="bench-admin-key-0123456789abcdef"
export COLUMNLINE_PORT="${BENCH_HTTP_PORT:-18082}"
[ -f "$root/app/target/columnline.jar" ] || (cd "$root" && ./mvnw -B -q -DskipTests package)

"$root/columnline" serve > "$work/serve.log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 1 120); do grep -q "ready at" "$work/serve.log" && break; sleep 1; done
grep -q "ready at" "$work/serve.log" || { cat "$work/serve.log"; exit 1; }
echo "machine: $(nproc) cores; server: $(grep 'ready at' "$work/serve.log")"
java "$here/PipelineBench.java" "http://127.0.0.1:$COLUMNLINE_PORT" "$COLUMNLINE_ADMIN_KEY" \
  "${SCENARIOS:-32}" "${RUNS_EACH:-2}"
