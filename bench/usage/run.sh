#!/usr/bin/env bash
# Usage metrics benchmark (issue 14, section 6). Starts Columnline on a fresh embedded PostgreSQL,
# generates STEPS steps (default 10,000,000; 25 per run) over 90 days for 20 clients, 30 models
# and 15 stages in SQL (generate.sql: straight into the tables, then the rollups built once),
# then UsageBench.java measures GET /api/v1/metrics/usage for one client over 30 days grouped by
# day+model and by day+stage+prompt_version from 8 concurrent callers, and the baseline in the
# same run: the same aggregation as one plain SQL GROUP BY over the steps table.
#
#   bench/usage/run.sh                  # 10M steps
#   STEPS=1000000 bench/usage/run.sh    # smaller
#
# Needs a JDK 21+ and psql (Debian: postgresql-client). Writes nothing outside a temp folder.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
steps="${STEPS:-10000000}"
runs=$(( steps / 25 ))
seconds="${SECONDS_PER_PHASE:-20}"
callers="${CALLERS:-8}"
jar="$here/app/target/columnline.jar"
java_version() {
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' | head -n1
}
find_java() {
  local candidates=()
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME/bin/java")
  command -v java >/dev/null 2>&1 && candidates+=("$(command -v java)")
  for dir in /usr/lib/jvm/* /usr/local/lib/jvm/* /opt/java/* /opt/jdk*; do
    [ -x "$dir/bin/java" ] && candidates+=("$dir/bin/java")
  done
  for candidate in "${candidates[@]}"; do
    local version
    version="$(java_version "$candidate" || true)"
    if [ -n "$version" ] && [ "${version%%.*}" -ge 21 ] 2>/dev/null; then
      echo "$candidate"
      return 0
    fi
  done
  return 1
}
java_bin="$(find_java)" || { echo "usage bench: needs a JDK 21 or newer (set JAVA_HOME)" >&2; exit 1; }
psql_bin="$(command -v psql || true)"
[ -n "$psql_bin" ] || { echo "usage bench: needs psql (apt-get install postgresql-client)" >&2; exit 1; }
[ -f "$jar" ] || { echo "usage bench: build $jar first (./mvnw -B -DskipTests package)" >&2; exit 1; }

home="$(mktemp -d "${TMPDIR:-/tmp}/columnline-usage-XXXXXX")"
admin_key="bench-admin-$(head -c 18 /dev/urandom | od -An -tx1 | tr -d ' \n')"
server_pid=""
cleanup() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill -TERM "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$home"
}
trap cleanup EXIT INT TERM

echo "starting columnline on a fresh embedded PostgreSQL in $home"
COLUMNLINE_HOME="$home" COLUMNLINE_PORT=0 COLUMNLINE_ADMIN_KEY="$admin_key" \
  "$java_bin" ${COLUMNLINE_JAVA_OPTS:-} -jar "$jar" serve >"$home/serve.out" 2>"$home/serve.err" &
server_pid=$!
for _ in $(seq 1 600); do
  grep -q "ready at" "$home/serve.out" 2>/dev/null && break
  kill -0 "$server_pid" 2>/dev/null || { echo "usage bench: the server did not start:" >&2; tail -n 30 "$home/serve.err" >&2; exit 1; }
  sleep 0.2
done
port="$(sed -n 's|.*ready at http://localhost:\([0-9]*\).*|\1|p' "$home/serve.out")"
pg_port="$(cat "$home/postgres.port")"
echo "machine: $(nproc) CPUs, $(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -n1)"

start="2026-08-01T00:00:00Z"
echo "generating $steps steps ($runs runs) over 90 days from $start"
t0=$(date +%s)
"$psql_bin" -h 127.0.0.1 -p "$pg_port" -U postgres -d columnline -q -v runs="$runs" -v start="$start" \
  -f "$here/bench/usage/generate.sql"
echo "generated and rolled up in $(( $(date +%s) - t0 )) s"

# bench-1 is in America/New_York: the 30 days from 2026-09-15 to 2026-10-15 in its zone
"$java_bin" "$here/bench/usage/UsageBench.java" --port "$port" --admin-key "$admin_key" --pg-port "$pg_port" \
  --psql "$psql_bin" --client bench-1 --zone America/New_York --from 2026-09-15 --to 2026-10-15 \
  --callers "$callers" --seconds "$seconds"
