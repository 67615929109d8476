#!/usr/bin/env bash
# bench/publish: 16 concurrent publishers each publish runs of 8 sections (validated against their JSON
# Schemas) and 20 contacts over HTTP against `columnline serve` on a fresh embedded PostgreSQL, and
# print p50/p99 latency and publishes/s next to the baseline measured in the same run (after WARMUP_EACH=200
# publishes per publisher that are not measured, while the JIT compiles the path): an
# authenticated GET of one run at the same concurrency. Sizes: PUBLISHERS=n RUNS_EACH=k bench/publish/run.sh
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
work="$(mktemp -d /tmp/columnline-bench-publish-XXXXXX)"
export COLUMNLINE_HOME="$work/home"
export COLUMNLINE_ADMIN_KEY="bench-admin-key-0123456789abcdef"
export COLUMNLINE_PORT="${BENCH_HTTP_PORT:-18081}"
[ -f "$root/app/target/columnline.jar" ] || (cd "$root" && ./mvnw -B -q -DskipTests package)

"$root/columnline" serve > "$work/serve.log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 1 120); do grep -q "ready at" "$work/serve.log" && break; sleep 1; done
grep -q "ready at" "$work/serve.log" || { cat "$work/serve.log"; exit 1; }
# the launcher may run the JVM as its child (while it records its start-up cache): CPU is the JVM's
jvm="$(pgrep -P "$server" -f 'columnline.jar' | head -n1 || true)"
jvm="${jvm:-$server}"
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GB", $2 / 1048576}' /proc/meminfo); server: $(grep 'ready at' "$work/serve.log")"

java "$here/PublishBench.java" "http://127.0.0.1:$COLUMNLINE_PORT" "$COLUMNLINE_ADMIN_KEY" \
  "${PUBLISHERS:-16}" "${RUNS_EACH:-100}" "$jvm" "$COLUMNLINE_HOME/pgdata"
