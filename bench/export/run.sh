#!/usr/bin/env bash
# bench/export: 100,000 published dossiers (8 sections each, 0-3 contacts) are generated in SQL on a fresh
# embedded PostgreSQL; `columnline export dossiers` streams them to CSV in a 256 MB heap, twice: the first run
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
"${psql_cmd[@]}" <<SQL
CREATE TEMP TABLE gen AS SELECT i, gen_random_uuid() AS run_id, gen_random_uuid() AS dossier_id
  FROM generate_series(1, $dossiers) i;
INSERT INTO batches (id, client_id, name, day, pipeline_version, created_at)
  VALUES ('00000000-0000-0000-0000-00000000b001', '$client', 'V2_20261122', '2026-11-22', 'v2', now());
INSERT INTO runs (id, client_id, seed, company_name, company_domain, pipeline_version, status, started_at, finished_at)
  SELECT run_id, '$client', json_build_object('company_name', 'Company ' || i, 'domain', 'company-' || i || '.example'),
         'Company ' || i, 'company-' || i || '.example', 'v2', 'published', now() - interval '1 hour', now() FROM gen;
INSERT INTO dossiers (id, client_id, run_id, batch_id, company_name, company_name_key, company_domain,
                      pipeline_version, status, released_at, published_with, created_at, updated_at)
  SELECT dossier_id, '$client', run_id, '00000000-0000-0000-0000-00000000b001', 'Company ' || i || ', Ltd',
         'company ' || i || ', ltd', 'company-' || i || '.example', 'v2', 'released', now(),
         'release_date=;lists=;supersede=auto;supersedes=', now() - (i || ' ms')::interval, now() FROM gen;
-- sections are generated as rows, then put into each dossier row the way publishing stores them
-- (the same statement as migration V8)
CREATE TEMP TABLE dossier_sections AS
  SELECT dossier_id, 'section_' || s AS key, 'Section ' || s AS title, s AS position,
         json_build_object('headline', 'Section ' || s || ' of company ' || i, 'score', (i * s) % 100,
           'summary', repeat('A finding, with a comma and "quotes". ', 4),
           'points', json_build_array(json_build_object('text', 'Point one', 'source', 'https://c' || i || '.example/1'),
                                      json_build_object('text', 'Point two', 'source', 'https://c' || i || '.example/2')))
           AS content,
         'writer.section_' || s AS step_key, 1 AS step_attempt
  FROM gen, generate_series(0, 7) s;
WITH cells AS (
    SELECT s.dossier_id, s.position, s.key, f.field, f.value
    FROM dossier_sections s
    CROSS JOIN LATERAL (
        SELECT e.key AS field, e.value FROM json_each_text(s.content) e WHERE json_typeof(s.content) = 'object'
        UNION ALL
        SELECT NULL, s.content #>> '{}' WHERE json_typeof(s.content) <> 'object'
    ) f
),
flattened AS (
    SELECT dossier_id,
           '[' || string_agg(to_json(position::text)::text || ',' || to_json(key)::text || ','
                             || coalesce(to_json(field)::text, 'null'), ','
                             ORDER BY position, key, field COLLATE "C" NULLS FIRST) || ']' AS columns,
           string_agg(CASE WHEN value IS NULL OR value = '' THEN ''
                           WHEN value ~ '[",\r\n]' THEN '"' || replace(value, '"', '""') || '"'
                           ELSE value END, ','
                      ORDER BY position, key, field COLLATE "C" NULLS FIRST) AS cells
    FROM cells GROUP BY dossier_id
),
whole AS (
    SELECT dossier_id,
           json_agg(json_build_object('key', key, 'title', title, 'position', position, 'content', content,
                                      'step_key', step_key, 'step_attempt', step_attempt)
                    ORDER BY position, key) AS sections
    FROM dossier_sections GROUP BY dossier_id
)
UPDATE dossiers d SET sections = w.sections, export_columns = f.columns, export_cells = f.cells
FROM whole w JOIN flattened f ON f.dossier_id = w.dossier_id WHERE d.id = w.dossier_id;
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
