-- Usage rollups: step figures summed per UTC hour and key, kept current by statement triggers on
-- steps in the same transaction that stores, changes or removes the steps, so a usage answer reads
-- these sums and never scans the steps. A key part a step lacks is stored as '' (or prompt version
-- 0) so the key can be a primary key. Latencies are counted in 64 fixed log-scale buckets (three
-- per doubling, see LatencySketch) that merge by adding; p50/p95 come from the merged counts.
-- Steps with the same key in the same hour lock the same row until their transaction ends.

-- 0 under 1 ms, i in 1..62 for [2^((i-1)/3), 2^(i/3)) ms, 63 from 2^(62/3) ms on; null without a latency.
CREATE FUNCTION usage_latency_bucket(ms bigint) RETURNS integer
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE WHEN ms IS NULL THEN NULL
                WHEN ms < 1 THEN 0
                ELSE least(63, 1 + floor(3 * ln(ms::double precision) / ln(2::double precision) + 1e-9))::integer
           END
$$;

-- Bucket counts from signed one-based bucket numbers: +i counts one step into bucket i-1, -i takes one out.
CREATE FUNCTION usage_latency_counts(signed integer[]) RETURNS integer[]
    LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
    counts integer[] := array_fill(0, ARRAY[64]);
    b integer;
BEGIN
    IF signed IS NOT NULL THEN
        FOREACH b IN ARRAY signed LOOP
            IF b IS NOT NULL THEN
                counts[abs(b)] := counts[abs(b)] + sign(b)::integer;
            END IF;
        END LOOP;
    END IF;
    RETURN counts;
END
$$;

CREATE FUNCTION usage_latency_add(a integer[], b integer[]) RETURNS integer[]
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT array_agg(x + y ORDER BY n) FROM unnest(a, b) WITH ORDINALITY AS t(x, y, n)
$$;

CREATE TABLE usage_hourly (
    client_id          uuid NOT NULL,
    hour               timestamptz NOT NULL, -- a whole UTC hour
    pipeline_version   text COLLATE "C" NOT NULL,
    stage              text COLLATE "C" NOT NULL,
    step_key           text COLLATE "C" NOT NULL,
    model              text COLLATE "C" NOT NULL,
    prompt_key         text COLLATE "C" NOT NULL,
    prompt_version     integer NOT NULL,
    section            text COLLATE "C" NOT NULL,
    status             text COLLATE "C" NOT NULL,
    runs               bigint NOT NULL, -- runs whose counted (first stored) step is in this row
    steps              bigint NOT NULL,
    failed_steps       bigint NOT NULL,
    tokens_input       bigint NOT NULL,
    tokens_output      bigint NOT NULL,
    cost_usd           numeric NOT NULL,
    steps_without_cost bigint NOT NULL,
    latency            integer[] NOT NULL, -- 64 bucket counts
    PRIMARY KEY (client_id, hour, pipeline_version, stage, step_key, model, prompt_key, prompt_version, section, status)
);

-- Each run is counted once, in the row of the step that counts it: its first stored step.
CREATE TABLE usage_run_firsts (
    client_id uuid NOT NULL,
    run_id    uuid PRIMARY KEY REFERENCES runs (id) ON DELETE CASCADE,
    step_key  text COLLATE "C" NOT NULL,
    attempt   integer NOT NULL
);

-- A step's part in the rollups, with +1 to add it or -1 to take it out.
CREATE TYPE usage_step AS (
    client_id      uuid,
    run_id         uuid,
    step_key       text COLLATE "C",
    attempt        integer,
    logged_at      timestamptz,
    stage          text COLLATE "C",
    section        text,
    prompt_key     text,
    prompt_version integer,
    model          text,
    tokens_input   bigint,
    tokens_output  bigint,
    cost_usd       numeric,
    latency_ms     bigint,
    status         text,
    sign           integer
);

CREATE FUNCTION usage_apply(deltas usage_step[]) RETURNS void
    LANGUAGE sql AS $$
    WITH d AS (SELECT * FROM unnest(deltas)),
    fresh AS (
        INSERT INTO usage_run_firsts (client_id, run_id, step_key, attempt)
        SELECT DISTINCT ON (run_id) client_id, run_id, step_key, attempt FROM d
        WHERE sign > 0
        ORDER BY run_id, logged_at, step_key, attempt
        ON CONFLICT DO NOTHING
        RETURNING run_id, step_key, attempt),
    counting AS (
        SELECT run_id, step_key, attempt FROM fresh
        UNION
        SELECT f.run_id, f.step_key, f.attempt FROM usage_run_firsts f
        JOIN (SELECT DISTINCT run_id FROM d) r ON r.run_id = f.run_id)
    INSERT INTO usage_hourly AS u (client_id, hour, pipeline_version, stage, step_key, model, prompt_key,
                                   prompt_version, section, status, runs, steps, failed_steps, tokens_input,
                                   tokens_output, cost_usd, steps_without_cost, latency)
    SELECT d.client_id, date_trunc('hour', d.logged_at, 'UTC'), r.pipeline_version, d.stage, d.step_key,
           coalesce(d.model, ''), coalesce(d.prompt_key, ''), coalesce(d.prompt_version, 0),
           coalesce(d.section, ''), d.status,
           coalesce(sum(d.sign) FILTER (WHERE c.run_id IS NOT NULL), 0),
           sum(d.sign),
           coalesce(sum(d.sign) FILTER (WHERE d.status = 'failure'), 0),
           coalesce(sum(d.sign * d.tokens_input), 0),
           coalesce(sum(d.sign * d.tokens_output), 0),
           coalesce(sum(d.sign * d.cost_usd), 0),
           coalesce(sum(d.sign) FILTER (WHERE d.cost_usd IS NULL), 0),
           usage_latency_counts(array_agg(d.sign * (usage_latency_bucket(d.latency_ms) + 1)))
    FROM d
    JOIN runs r ON r.id = d.run_id
    LEFT JOIN counting c ON c.run_id = d.run_id AND c.step_key = d.step_key AND c.attempt = d.attempt
    GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10
    ON CONFLICT (client_id, hour, pipeline_version, stage, step_key, model, prompt_key, prompt_version, section, status)
    DO UPDATE SET runs = u.runs + EXCLUDED.runs,
                  steps = u.steps + EXCLUDED.steps,
                  failed_steps = u.failed_steps + EXCLUDED.failed_steps,
                  tokens_input = u.tokens_input + EXCLUDED.tokens_input,
                  tokens_output = u.tokens_output + EXCLUDED.tokens_output,
                  cost_usd = u.cost_usd + EXCLUDED.cost_usd,
                  steps_without_cost = u.steps_without_cost + EXCLUDED.steps_without_cost,
                  latency = usage_latency_add(u.latency, EXCLUDED.latency)
$$;

CREATE FUNCTION usage_steps_inserted() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    PERFORM usage_apply(ARRAY(
        SELECT ROW(client_id, run_id, step_key, attempt, logged_at, stage, section, prompt_key, prompt_version,
                   model, tokens_input, tokens_output, cost_usd, latency_ms, status, 1)::usage_step
        FROM added));
    RETURN NULL;
END
$$;

CREATE FUNCTION usage_steps_updated() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    PERFORM usage_apply(ARRAY(
        SELECT ROW(client_id, run_id, step_key, attempt, logged_at, stage, section, prompt_key, prompt_version,
                   model, tokens_input, tokens_output, cost_usd, latency_ms, status, -1)::usage_step
        FROM removed
        UNION ALL
        SELECT ROW(client_id, run_id, step_key, attempt, logged_at, stage, section, prompt_key, prompt_version,
                   model, tokens_input, tokens_output, cost_usd, latency_ms, status, 1)::usage_step
        FROM added));
    RETURN NULL;
END
$$;

-- Removing a run's counting step moves its count to its earliest remaining step, if any. A run
-- removed with its steps (nothing removes runs today) leaves its figures in the rollups.
CREATE FUNCTION usage_steps_deleted() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    PERFORM usage_apply(ARRAY(
        SELECT ROW(client_id, run_id, step_key, attempt, logged_at, stage, section, prompt_key, prompt_version,
                   model, tokens_input, tokens_output, cost_usd, latency_ms, status, -1)::usage_step
        FROM removed));
    DELETE FROM usage_run_firsts f USING removed o
    WHERE f.run_id = o.run_id AND f.step_key = o.step_key AND f.attempt = o.attempt;
    WITH moved AS (
        INSERT INTO usage_run_firsts (client_id, run_id, step_key, attempt)
        SELECT s.client_id, s.run_id, s.step_key, s.attempt
        FROM (SELECT DISTINCT run_id FROM removed) o
        JOIN LATERAL (SELECT * FROM steps s WHERE s.run_id = o.run_id
                      ORDER BY s.logged_at, s.step_key, s.attempt LIMIT 1) s ON true
        ON CONFLICT DO NOTHING
        RETURNING run_id, step_key, attempt)
    UPDATE usage_hourly u SET runs = u.runs + 1
    FROM moved m
    JOIN steps s ON s.run_id = m.run_id AND s.step_key = m.step_key AND s.attempt = m.attempt
    JOIN runs r ON r.id = s.run_id
    WHERE u.client_id = s.client_id AND u.hour = date_trunc('hour', s.logged_at, 'UTC')
      AND u.pipeline_version = r.pipeline_version AND u.stage = s.stage AND u.step_key = s.step_key
      AND u.model = coalesce(s.model, '') AND u.prompt_key = coalesce(s.prompt_key, '')
      AND u.prompt_version = coalesce(s.prompt_version, 0) AND u.section = coalesce(s.section, '')
      AND u.status = s.status;
    RETURN NULL;
END
$$;

CREATE TRIGGER usage_steps_inserted AFTER INSERT ON steps
    REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION usage_steps_inserted();
CREATE TRIGGER usage_steps_updated AFTER UPDATE ON steps
    REFERENCING OLD TABLE AS removed NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION usage_steps_updated();
CREATE TRIGGER usage_steps_deleted AFTER DELETE ON steps
    REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION usage_steps_deleted();

-- Builds the rollups again from the steps: for this migration, and after a bulk load that ran
-- with the triggers disabled (bench/usage).
CREATE FUNCTION usage_rebuild() RETURNS void
    LANGUAGE sql AS $$
    DELETE FROM usage_hourly;
    DELETE FROM usage_run_firsts;
    INSERT INTO usage_run_firsts (client_id, run_id, step_key, attempt)
    SELECT DISTINCT ON (run_id) client_id, run_id, step_key, attempt FROM steps
    ORDER BY run_id, logged_at, step_key, attempt;
    INSERT INTO usage_hourly (client_id, hour, pipeline_version, stage, step_key, model, prompt_key, prompt_version,
                              section, status, runs, steps, failed_steps, tokens_input, tokens_output, cost_usd,
                              steps_without_cost, latency)
    SELECT s.client_id, date_trunc('hour', s.logged_at, 'UTC'), r.pipeline_version, s.stage, s.step_key,
           coalesce(s.model, ''), coalesce(s.prompt_key, ''), coalesce(s.prompt_version, 0),
           coalesce(s.section, ''), s.status,
           count(f.run_id), count(*), count(*) FILTER (WHERE s.status = 'failure'),
           coalesce(sum(s.tokens_input), 0), coalesce(sum(s.tokens_output), 0), coalesce(sum(s.cost_usd), 0),
           count(*) FILTER (WHERE s.cost_usd IS NULL),
           usage_latency_counts(array_agg(usage_latency_bucket(s.latency_ms) + 1))
    FROM steps s
    JOIN runs r ON r.id = s.run_id
    LEFT JOIN usage_run_firsts f ON f.run_id = s.run_id AND f.step_key = s.step_key AND f.attempt = s.attempt
    GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10;
$$;

SELECT usage_rebuild();
