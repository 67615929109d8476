#!/usr/bin/env bash
# bench/knowledge: search. Starts `columnline serve` on a fresh embedded PostgreSQL, then
#  - ScaleBench: MAIN_CHUNKS chunks of one client and OTHER_CHUNKS of nine others (default 1,000,000
#    each) go into PostgreSQL by COPY with 384-d caller-supplied vectors; the server rebuilds its index
#    from PostgreSQL; hybrid p50/p99 with 16 callers, recall@10 vs brute force, both also with a 1%
#    metadata filter; build time, RSS, index size (baselines in the same run: GET /healthz, exact scan);
#  - QualityBench: nDCG@10 and recall@10 of lexical, vector and hybrid on the judged set.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
work="$(mktemp -d /tmp/columnline-bench-search-XXXXXX)"
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
# the launcher runs java itself, or as its child while it records a start-up cache
jvm="$(ps --ppid "$server" -o pid= | head -n1 | tr -d ' ')"
jvm="${jvm:-$server}"
pg_port="$(cat "$COLUMNLINE_HOME/postgres.port")"
java_bin="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
[ -x "$java_bin" ] || java_bin=java
"$java_bin" -Xmx6g -cp "$root/app/target/columnline.jar" "$here/ScaleBench.java" "http://127.0.0.1:$COLUMNLINE_PORT" \
  "$COLUMNLINE_ADMIN_KEY" "jdbc:postgresql://127.0.0.1:$pg_port/columnline?user=postgres" "$COLUMNLINE_HOME" "$jvm" \
  "${MAIN_CHUNKS:-1000000}" "${OTHER_CHUNKS:-1000000}"
"$java_bin" -cp "$root/app/target/columnline.jar" "$here/QualityBench.java" "http://127.0.0.1:$COLUMNLINE_PORT" \
  "$COLUMNLINE_ADMIN_KEY" "$root/app/src/test/resources/knowledge/judged"
