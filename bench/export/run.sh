#!/usr/bin/env bash
# bench/export: 100,000 published dossiers (8 sections each, 0-3 contacts) on a fresh embedded PostgreSQL: 8 are
# published through the API (the product flattens their sections for the export), the rest copy them in SQL;
# `columnline export dossiers` streams them to CSV in a 256 MB heap, twice: the first run
# after the jar changed (which records the launcher's AOT cache), then the figure. Prints rows/s, the
# JVM's peak heap (from its GC log) and peak RSS, the same export over HTTP, and the baseline measured in
# the same run: psql \copy of the same dossiers (sections included) and contacts to CSV without flattening.
# Size: DOSSIERS=n bench/export/run.sh
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
dossiers="${DOSSIERS:-100000}"
work="$(mktemp -d /tmp/columnline-bench-export-XXXXXX)"
export COLUMNLINE_HOME="$work/home"
export COLUMNLINE_ADMIN_KEY="bench-admin-key-0123456789abcdef"
export COLUMNLINE_PORT="${BENCH_HTTP_PORT:-18082}"
cli="$root/columnline"
[ -f "$root/app/target/columnline.jar" ] || (cd "$root" && ./mvnw -B -q -DskipTests package)

"$cli" serve > "$work/serve.log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 1 120); do grep -q "ready at" "$work/serve.log" && break; sleep 1; done
grep -q "ready at" "$work/serve.log" || { cat "$work/serve.log"; exit 1; }
pg_port="$(cat "$COLUMNLINE_HOME/postgres.port")"
psql_cmd=(psql -h 127.0.0.1 -p "$pg_port" -U postgres -d columnline -v ON_ERROR_STOP=1 -qAt)
"$cli" clients create bench --name "Bench" > /dev/null
client="$("${psql_cmd[@]}" -c "SELECT id FROM clients WHERE slug = 'bench'")"
echo "machine: $(nproc) cores; generating $dossiers dossiers..."

now() { date +%s.%N; }
t0="$(now)"
# Sections are flattened for the export when a dossier is published. So that the bench measures the
# product's own flattening, SAMPLES dossiers are published through the API (8 schema-checked sections
# each), and the generated dossiers copy their stored sections and export cells in SQL.
samples=8
api="http://127.0.0.1:$COLUMNLINE_PORT/api/v1"
call() { curl -fsS -X "$1" "$api$2" -H "Authorization: Bearer $COLUMNLINE_ADMIN_KEY" -H 'Content-Type: application/json' -d "$3"; }
for s in $(seq 0 7); do
  call PUT "/section-definitions/section_$s" "{\"title\": \"Section $s\", \"position\": $s, \"writer_prompt_key\": \"writer.section_$s\", \"required\": true, \"schema\": {\"type\": \"object\"}}" > /dev/null
done
for i in $(seq 1 "$samples"); do
  run="$(call POST /runs "{\"client\": \"bench\", \"seed\": {\"company_name\": \"Sample $i\", \"domain\": \"sample-$i.example\"}}" \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')"
  steps=""
  for s in $(seq 0 7); do
    steps="$steps${steps:+,}{\"step_key\": \"writer.section_$s\", \"stage\": \"writers\", \"section\": \"section_$s\", \"status\": \"success\",
      \"output\": {\"headline\": \"Section $s of company $i\", \"score\": $(( (i * s) % 100 )),
        \"summary\": \"A finding, with a comma and \\\"quotes\\\". A finding, with a comma and \\\"quotes\\\". A finding, with a comma and \\\"quotes\\\". A finding, with a comma and \\\"quotes\\\". \",
        \"points\": [{\"text\": \"Point one\", \"source\": \"https://c$i.example/1\"}, {\"text\": \"Point two\", \"source\": \"https://c$i.example/2\"}]}}"
  done
  call POST "/runs/$run/steps/batch" "{\"steps\": [$steps]}" > /dev/null
  call POST "/runs/$run/publish" '{}' > /dev/null
done
"${psql_cmd[@]}" <<SQL
CREATE TEMP TABLE samples AS
  SELECT (row_number() OVER (ORDER BY company_name) - 1)::int AS n, sections, export_columns, export_cells FROM dossiers;
CREATE TEMP TABLE gen AS SELECT i, gen_random_uuid() AS run_id, gen_random_uuid() AS dossier_id
  FROM generate_series(1, $dossiers - $samples) i;
INSERT INTO batches (id, client_id, name, day, pipeline_version, created_at)
  VALUES ('00000000-0000-0000-0000-00000000b001', '$client', 'V2_20261122', '2026-11-22', 'v2', now());
INSERT INTO runs (id, client_id, seed, company_name, company_domain, pipeline_version, status, started_at, finished_at)
  SELECT run_id, '$client', json_build_object('company_name', 'Company ' || i, 'domain', 'company-' || i || '.example'),
         'Company ' || i, 'company-' || i || '.example', 'v2', 'published', now() - interval '1 hour', now() FROM gen;
INSERT INTO dossiers (id, client_id, run_id, batch_id, company_name, company_name_key, company_domain,
                      pipeline_version, status, released_at, published_with, created_at, updated_at,
                      sections, export_columns, export_cells)
  SELECT dossier_id, '$client', run_id, '00000000-0000-0000-0000-00000000b001', 'Company ' || i || ', Ltd',
         'company ' || i || ', ltd', 'company-' || i || '.example', 'v2', 'released', now(),
         'release_date=;lists=;supersede=auto;supersedes=', now() - (i || ' ms')::interval, now(),
         s.sections, s.export_columns, s.export_cells
  FROM gen JOIN samples s ON s.n = i % $samples;
INSERT INTO contacts (client_id, run_id, company_name, full_name, first_name, last_name, position,
                      work_email, phone_numbers, source_urls, linkedin_url)
  SELECT '$client', run_id, 'Company ' || i, 'Person ' || c || ' of ' || i, 'Person', 'Of ' || i,
         'Head of ' || c, 'p' || c || '@company-' || i || '.example', ARRAY['+49 30 ' || i, '+49 171 ' || c],
         ARRAY['https://company-' || i || '.example/team'], 'https://linkedin.com/in/p' || i || '-' || c
  FROM gen, generate_series(1, 3) c WHERE c <= i % 4;
ANALYZE;
CHECKPOINT;
SQL
echo "generated in $(python3 -c "print(f'{$(now) - $t0:.1f}')") s: $("${psql_cmd[@]}" -c "SELECT sum(json_array_length(sections)) FROM dossiers") sections, $("${psql_cmd[@]}" -c "SELECT count(*) FROM contacts") contacts"

echo "== baseline: psql \\copy of the same dossiers (with their sections) and contacts, unflattened"
t0="$(now)"
"${psql_cmd[@]}" -c "\\copy (SELECT d.id, d.status, d.company_name, d.company_domain, d.company_id, d.pipeline_version, d.release_date, d.released_at, d.supersedes_dossier_id, d.superseded_by_dossier_id, d.created_at, d.sections, k.* FROM dossiers d LEFT JOIN contacts k ON k.run_id = d.run_id WHERE d.client_id = '$client' ORDER BY d.created_at DESC, d.id DESC, k.created_at, k.id) TO '$work/baseline.csv' WITH (FORMAT csv, HEADER true)"
t1="$(now)"
baseline_rows="$(($(wc -l < "$work/baseline.csv") - 1))"
echo "   baseline: $baseline_rows rows in $(python3 -c "print(f'{$t1 - $t0:.2f}')") s, $(python3 -c "print(f'{$baseline_rows / ($t1 - $t0):,.0f}')") rows/s"

export COLUMNLINE_JAVA_OPTS="-Xmx256m -XX:+UseSerialGC -Xlog:gc:file=$work/gc.log"
echo "== columnline export dossiers (whole CLI process: JVM start, query, flatten, write) in a 256 MB heap"
# The first CLI run after the jar changed records the launcher's AOT cache on JDK 25+ (see the README's
# Start-up): it is timed and shown, and the runs after it are the figure.
/usr/bin/time -f "%e %M" -o "$work/time.txt" \
  "$cli" export dossiers --client bench --out "$work/first.csv" 2> "$work/export.err" || { cat "$work/export.err"; exit 1; }
read -r seconds _ < <(tail -n1 "$work/time.txt")
rows="$(sed -n 's/^exported \([0-9]*\) rows.*/\1/p' "$work/export.err")"
echo "   first run after the jar changed: $rows rows in ${seconds} s: $(python3 -c "print(f'{$rows / $seconds:,.0f}')") rows/s"
rm -f "$work/first.csv"
/usr/bin/time -f "%e %M" -o "$work/time.txt" \
  "$cli" export dossiers --client bench --out "$work/export.csv" 2> "$work/export.err" || { cat "$work/export.err"; exit 1; }
read -r seconds rss_kb < <(tail -n1 "$work/time.txt")
rows="$(sed -n 's/^exported \([0-9]*\) rows.*/\1/p' "$work/export.err")"
peak="$(python3 - "$work/gc.log" <<'PY'
import re, sys
peak = 0
for line in open(sys.argv[1]):
    for before, _ in re.findall(r'(\d+)M->(\d+)M', line):
        peak = max(peak, int(before))
print(peak)
PY
)"
echo "   export: $rows rows, $(head -n1 "$work/export.csv" | tr ',' '\n' | wc -l) columns, $(du -m "$work/export.csv" | cut -f1) MB in ${seconds} s: $(python3 -c "print(f'{$rows / $seconds:,.0f}')") rows/s"
echo "   JVM heap: -Xmx256m, peak heap used $peak MB (largest heap before a collection), peak RSS $((rss_kb / 1024)) MB"

echo "== the same export over HTTP (GET /api/v1/dossiers/export.csv, streamed by the server)"
t0="$(now)"
curl -sf -H "Authorization: Bearer $COLUMNLINE_ADMIN_KEY" "http://127.0.0.1:$COLUMNLINE_PORT/api/v1/dossiers/export.csv?client=bench" -o "$work/http.csv"
t1="$(now)"
http_rows="$(python3 -c "import csv; print(sum(1 for _ in csv.reader(open('$work/http.csv', newline=''))) - 1)")"
echo "   http: $http_rows rows in $(python3 -c "print(f'{$t1 - $t0:.2f}')") s: $(python3 -c "print(f'{$http_rows / ($t1 - $t0):,.0f}')") rows/s; same bytes as the CLI file: $(cmp -s "$work/http.csv" "$work/export.csv" && echo yes || echo no)"
echo "target: >= 20,000 rows/s in a 256 MB heap -> $(python3 -c "print('met' if $rows / $seconds >= 20000 else 'NOT met')")"
