#!/usr/bin/env bash
# bench/import: generates 1,000,000 companies and 2,000,000 contacts, imports them with the CLI into a
# fresh embedded PostgreSQL, measures psql \copy of the same company file as the baseline on the same
# server, and times the seed's audience query. Sizes: COMPANIES=n CONTACTS_PER_COMPANY=k bench/import/run.sh
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
companies="${COMPANIES:-1000000}"
per_company="${CONTACTS_PER_COMPANY:-2}"
work="${AUDIENCE_ONLY:-$(mktemp -d /tmp/columnline-bench-XXXXXX)}"
export COLUMNLINE_HOME="$work/home"
export COLUMNLINE_ADMIN_KEY="bench-admin-key-0123456789abcdef"
export COLUMNLINE_PORT="${BENCH_HTTP_PORT:-18080}"
cli="$root/columnline"
[ -f "$root/app/target/columnline.jar" ] || (cd "$root" && ./mvnw -B -q -DskipTests package)

if [ -z "${AUDIENCE_ONLY:-}" ]; then
echo "== generating $companies companies and $((companies * per_company)) contacts in $work"
python3 "$here/generate.py" "$companies" "$per_company" "$work"
ls -la "$work"/*.csv | awk '{print "   " $5 " bytes  " $9}'

echo "== starting columnline serve (embedded PostgreSQL) in the background"
"$cli" serve > "$work/serve.log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do grep -q "ready at" "$work/serve.log" && break; sleep 1; done
grep -q "ready at" "$work/serve.log" || { cat "$work/serve.log"; exit 1; }
pg_port="$(cat "$COLUMNLINE_HOME/postgres.port")"
psql_cmd=(psql -h 127.0.0.1 -p "$pg_port" -U postgres -d columnline -v ON_ERROR_STOP=1 -qAt)
"$cli" clients create bench --name "Bench" > /dev/null
client_id="$("${psql_cmd[@]}" -c "SELECT id FROM clients WHERE slug = 'bench'")"

now() { date +%s.%N; }
ratio() { python3 -c "print(f'{$1 / $2:.2f}')"; }

echo "== baseline: psql \\copy of companies.csv into a table with the same columns and indexes"
header="$(head -n1 "$work/companies.csv")"
# the file's values are as people write them (22.11.2020, 1 234,56, да), which COPY cannot type: the
# baseline table has the same column names as text, the same indexes, and COPY does no checking at all
cols="$(echo "$header" | tr ',' '\n' | sed 's/$/ text/' | paste -sd, -)"
"${psql_cmd[@]}" <<SQL
DROP TABLE IF EXISTS baseline_companies;
CREATE TABLE baseline_companies (id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  client_id uuid NOT NULL DEFAULT '$client_id', domain text, $cols,
  created_at timestamptz NOT NULL DEFAULT now(), updated_at timestamptz NOT NULL DEFAULT now());
CREATE UNIQUE INDEX ON baseline_companies (client_id, tin) WHERE tin IS NOT NULL;
CREATE UNIQUE INDEX ON baseline_companies (client_id, registration_number) WHERE registration_number IS NOT NULL;
CREATE INDEX ON baseline_companies (client_id, segment);
CREATE INDEX ON baseline_companies (client_id, status);
CREATE INDEX ON baseline_companies (client_id, session_key);
CREATE INDEX ON baseline_companies (client_id, domain) WHERE domain IS NOT NULL;
CREATE INDEX ON baseline_companies (client_id, id);
CREATE INDEX ON baseline_companies (id) INCLUDE (client_id, segment, sme_registry, status, region);
CHECKPOINT;
SQL
t0="$(now)"
"${psql_cmd[@]}" -c "\\copy baseline_companies ($header) FROM '$work/companies.csv' WITH (FORMAT csv, HEADER true)"
t1="$(now)"
baseline="$(python3 -c "print(f'{$t1 - $t0:.2f}')")"
echo "   baseline: ${baseline} s, $(python3 -c "print(f'{$companies / ($t1 - $t0):,.0f}')") rows/s"
"${psql_cmd[@]}" -c "DROP TABLE baseline_companies; CHECKPOINT;"

run_import() { # kind file label [extra args...]
  local kind="$1" file="$2" label="$3"; shift 3
  /usr/bin/time -f "%e %M" -o "$work/time.txt" "$cli" import "$kind" "$file" --client bench --format json "$@" \
    > "$work/summary.json" 2> "$work/import.err" || true
  read -r seconds rss_kb < <(tail -n1 "$work/time.txt")
  echo "   $label: ${seconds} s, peak RSS $((rss_kb / 1024)) MB, ratio to baseline $(ratio "$seconds" "$baseline")"
  echo "     $(cat "$work/summary.json")"
  grep -v '^$' "$work/import.err" | grep -v ' INFO ' | head -5 || true
}

echo "== columnline import (whole CLI process: JVM start, read, parse, COPY, upsert, commit)"
run_import companies "$work/companies.csv" "companies, first import"
"${psql_cmd[@]}" -c "CHECKPOINT"
run_import companies "$work/companies.csv" "companies, same file again (--force)" --force
run_import contacts "$work/contacts.csv" "contacts, first import"
"${psql_cmd[@]}" -c "CHECKPOINT"
run_import contacts "$work/contacts.csv" "contacts, same file again (--force)" --force
fi

if [ -n "${AUDIENCE_ONLY:-}" ]; then
  "$cli" serve > "$work/serve.log" 2>&1 &
  server=$!
  trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true' EXIT
  for _ in $(seq 1 120); do grep -q "ready at" "$work/serve.log" && break; sleep 1; done
  pg_port="$(cat "$COLUMNLINE_HOME/postgres.port")"
  psql_cmd=(psql -h 127.0.0.1 -p "$pg_port" -U postgres -d columnline -v ON_ERROR_STOP=1 -qAt)
  client_id="$("${psql_cmd[@]}" -c "SELECT id FROM clients WHERE slug = 'bench'")"
fi
echo "== audience query (segment Fintech, SME, Active, position contains CTO, pending)"
"${psql_cmd[@]}" -c "VACUUM ANALYZE companies" -c "VACUUM ANALYZE contacts"
"${psql_cmd[@]}" <<SQL
EXPLAIN (ANALYZE, BUFFERS)
WITH page AS (
  SELECT k.id FROM contacts k JOIN companies c ON c.id = k.company_id
  WHERE k.client_id = '$client_id' AND c.client_id = '$client_id'
    AND c.segment = 'Fintech' AND c.sme_registry = true AND c.status = 'Active'
    AND k.position ILIKE '%CTO%' AND k.processing_status = 'pending'
    AND NOT k.reply_bounce AND NOT k.reply_unsubscribe
  ORDER BY k.id LIMIT 51)
SELECT k.*, c.* FROM page p JOIN contacts k ON k.id = p.id JOIN companies c ON c.id = k.company_id ORDER BY k.id;
SQL
url="http://127.0.0.1:$COLUMNLINE_PORT/api/v1/audiences?client=bench&segment=Fintech&sme_registry=true&status=Active&position=CTO&processing_status=pending&limit=50"
for _ in 1 2 3; do curl -s -o /dev/null -H "Authorization: Bearer $COLUMNLINE_ADMIN_KEY" "$url"; done
for _ in $(seq 1 21); do
  curl -s -o /dev/null -w '%{time_total}\n' -H "Authorization: Bearer $COLUMNLINE_ADMIN_KEY" "$url"
done > "$work/latencies.txt"
echo "   GET /api/v1/audiences (50 contacts): median $(sort -n "$work/latencies.txt" | sed -n 11p | python3 -c "import sys; print(f'{float(sys.stdin.read())*1000:.1f}')") ms over 21 calls"
echo "   first page has $(curl -s -H "Authorization: Bearer $COLUMNLINE_ADMIN_KEY" "$url" | python3 -c "import json,sys; print(len(json.load(sys.stdin)['data']))") contacts"
echo "== done; files in $work (delete when finished)"
