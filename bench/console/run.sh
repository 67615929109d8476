#!/usr/bin/env bash
# bench/console: the console's runs page over RUNS=100000 runs (3 steps each, generated in SQL) on a fresh
# embedded PostgreSQL behind `columnline serve`, opened in the browser test's Chromium (Debian's, headless,
# through Debian's chromedriver), ROUNDS=2 times: first contentful paint and the paint of the runs table
# (the frame after the first page of runs is drawn), from a fresh tab each round. The baseline, measured in
# the same run, is the sign-in page (the same files, no API call) and GET /api/v1/runs?limit=50 alone.
# Measured, not asserted. Needs the chromium and chromium-driver packages and psql.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
runs="${RUNS:-100000}"
work="$(mktemp -d /tmp/columnline-bench-console-XXXXXX)"
export COLUMNLINE_HOME="$work/home"
export COLUMNLINE_ADMIN_KEY="bench-admin-key-0123456789abcdef"
export COLUMNLINE_PORT="${BENCH_HTTP_PORT:-18083}"
cli="$root/columnline"
# Maven reads MAVEN_ARGS (e.g. -o -Dmaven.repo.local=...) itself
# the jar `./mvnw verify` (or package) built; BENCH_BUILD=1 builds it again
if [ ! -f "$root/app/target/columnline.jar" ] || [ "${BENCH_BUILD:-0}" = 1 ]; then
  (cd "$root" && ./mvnw -B -q -DskipTests package -pl app -am > "$work/build.log") \
    || { cat "$work/build.log"; exit 1; }
fi
(cd "$root" && ./mvnw -B -q -pl app -am test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile="$work/classpath.txt" > "$work/classpath.log") \
  || { cat "$work/classpath.log"; exit 1; }

"$cli" serve > "$work/serve.log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 1 120); do grep -q "ready at" "$work/serve.log" && break; sleep 1; done
grep -q "ready at" "$work/serve.log" || { cat "$work/serve.log"; exit 1; }
pg_port="$(cat "$COLUMNLINE_HOME/postgres.port")"
psql_cmd=(psql -h 127.0.0.1 -p "$pg_port" -U postgres -d columnline -v ON_ERROR_STOP=1 -qAt)
"$cli" clients create bench --name "Bench" > /dev/null
"$cli" clients create other --name "Other" > /dev/null
echo "machine: $(nproc) cores; $(chromium --version); generating $runs runs..."

"${psql_cmd[@]}" <<SQL
INSERT INTO runs (id, client_id, seed, company_name, company_domain, pipeline_version, status, error, started_at, finished_at)
SELECT md5('run' || i)::uuid,
       (SELECT id FROM clients WHERE slug = CASE WHEN i % 5 = 0 THEN 'other' ELSE 'bench' END),
       json_build_object('company_name', 'Company ' || i, 'domain', 'company-' || i || '.com'),
       'Company ' || i, 'company-' || i || '.com', CASE WHEN i % 3 = 0 THEN 'v3' ELSE 'v2' END,
       CASE WHEN i % 17 = 0 THEN 'failed' ELSE 'completed' END,
       CASE WHEN i % 17 = 0 THEN 'research failed' END,
       now() - (i || ' seconds')::interval * 40, now() - (i || ' seconds')::interval * 40 + interval '3 minutes'
FROM generate_series(1, $runs) AS i;
INSERT INTO steps (client_id, run_id, step_key, attempt, stage, prompt_key, prompt_version, model, input, output,
                   tokens_input, tokens_output, cost_usd, cost_source, latency_ms, status, error, fingerprint, logged_at)
SELECT r.client_id, r.id, 'step_' || s, 1, CASE WHEN s = 1 THEN 'research' ELSE 'writers' END, 'writer.p', 1, 'gpt-4o',
       '{"q": 1}', '{"a": 1}', 1000 + s, 200 + s, 0.004 * s, 'given', 800, 'success', NULL, md5(r.id::text || s),
       r.started_at + (s || ' seconds')::interval
FROM runs r CROSS JOIN generate_series(1, 3) AS s;
ANALYZE runs;
ANALYZE steps;
SQL
echo "runs: $("${psql_cmd[@]}" -c 'SELECT count(*) FROM runs'), steps: $("${psql_cmd[@]}" -c 'SELECT count(*) FROM steps')"

# a JDK 21+ (the classes are built for 21): JAVA_HOME, then PATH, then /usr/lib/jvm/*
java_bin=""
for candidate in ${JAVA_HOME:+"$JAVA_HOME/bin/java"} "$(command -v java || true)" /usr/lib/jvm/*/bin/java; do
  [ -x "$candidate" ] || continue
  version="$("$candidate" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}')"
  if [ "${version%%.*}" -ge 21 ] 2>/dev/null; then java_bin="$candidate"; break; fi
done
[ -n "$java_bin" ] || { echo "bench/console needs a JDK 21+"; exit 1; }
"$java_bin" -cp "$root/app/target/test-classes:$(cat "$work/classpath.txt")" io.columnline.app.console.ConsoleFirstPaint \
  "http://127.0.0.1:$COLUMNLINE_PORT" "$COLUMNLINE_ADMIN_KEY" "${ROUNDS:-2}"
