-- bench/usage data: :steps steps (25 per run) over 90 days for 20 clients, 30 models, 15 stages,
-- written straight into the tables with the rollup triggers off, then the rollups built once.
-- A run's step j is in stage j % 15 and uses model (client * 7 + j) % 30; prompt versions move
-- on every 30 days; about 3% of steps fail, 2% have no cost and 1% no latency.
\set ON_ERROR_STOP on
\timing on
INSERT INTO clients (id, slug, name, timezone)
SELECT md5('bench-client-' || c)::uuid, 'bench-' || c, 'Bench client ' || c,
       (ARRAY['Europe/Berlin', 'America/New_York', 'UTC', 'Asia/Tokyo', 'Asia/Kolkata'])[1 + c % 5]
FROM generate_series(0, 19) c;

INSERT INTO model_prices (model, input_per_million_usd, output_per_million_usd)
SELECT 'bench-model-' || m, 0.1 * (1 + m), 0.4 * (1 + m) FROM generate_series(0, 29) m
ON CONFLICT DO NOTHING;

ALTER TABLE steps DISABLE TRIGGER USER;

INSERT INTO runs (id, client_id, seed, company_name, company_domain, pipeline_version, status, started_at, finished_at)
SELECT md5('bench-run-' || i)::uuid, md5('bench-client-' || (i % 20))::uuid, '{}'::json, 'Company ' || i,
       'company-' || i || '.example', CASE WHEN i % 4 = 0 THEN 'v1' ELSE 'v2' END, 'completed',
       :'start'::timestamptz + (i::double precision / :runs) * interval '90 days',
       :'start'::timestamptz + (i::double precision / :runs) * interval '90 days' + interval '10 minutes'
FROM generate_series(0, :runs - 1) i;

INSERT INTO steps (client_id, run_id, step_key, attempt, stage, section, prompt_key, prompt_version, model,
                   tokens_input, tokens_output, cost_usd, cost_source, latency_ms, status, error, fingerprint, logged_at)
SELECT md5('bench-client-' || (i % 20))::uuid, md5('bench-run-' || i)::uuid, 'step-' || j, 1,
       'stage-' || (j % 15),
       CASE WHEN j >= 20 THEN 'section-' || (j - 20) END,
       'prompt-' || j,
       1 + (i::bigint * 90 / :runs) / 30,
       'bench-model-' || (((i % 20) * 7 + j) % 30),
       500 + h % 3000, 100 + h % 900,
       CASE WHEN h % 50 = 7 THEN NULL ELSE ((500 + h % 3000) * 0.0000004 + (100 + h % 900) * 0.0000016) END,
       CASE WHEN h % 50 = 7 THEN 'unknown_model' ELSE 'priced' END,
       CASE WHEN h % 100 = 3 THEN NULL ELSE (200 + exp((h % 1000) / 1000.0 * 5) * 40)::bigint END,
       CASE WHEN h % 33 = 1 THEN 'failure' ELSE 'success' END,
       CASE WHEN h % 33 = 1 THEN 'timeout' END,
       'bench',
       :'start'::timestamptz + (i::double precision / :runs) * interval '90 days' + j * interval '20 seconds'
FROM generate_series(0, :runs - 1) i,
     generate_series(0, 24) j,
     LATERAL (SELECT abs(hashint8(i::bigint * 25 + j)) AS h) x;

ALTER TABLE steps ENABLE TRIGGER USER;
SELECT usage_rebuild();
ANALYZE;
SELECT (SELECT count(*) FROM steps) AS steps, (SELECT count(*) FROM runs) AS runs,
       (SELECT count(*) FROM usage_hourly) AS rollup_rows,
       pg_size_pretty(pg_total_relation_size('steps')) AS steps_size,
       pg_size_pretty(pg_total_relation_size('usage_hourly')) AS rollups_size;
