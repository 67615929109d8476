-- Daily usage rollups per client-local day, beside the hourly ones: a month of one client is a
-- few hundred daily rows instead of tens of thousands of hourly ones. A day is the client's
-- calendar day in its time zone that the step's hour starts in, exactly as the hourly rows are
-- grouped into days, so both give the same answer. When a client's time zone changes its daily
-- rows are built again from its hourly rows.

CREATE AGGREGATE usage_latency_sum(integer[]) (
    SFUNC = usage_latency_add,
    STYPE = integer[],
    INITCOND = '{0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0}'
);

CREATE TABLE usage_daily (
    client_id          uuid NOT NULL,
    day                date NOT NULL, -- in the client's time zone
    pipeline_version   text COLLATE "C" NOT NULL,
    stage              text COLLATE "C" NOT NULL,
    step_key           text COLLATE "C" NOT NULL,
    model              text COLLATE "C" NOT NULL,
    prompt_key         text COLLATE "C" NOT NULL,
    prompt_version     integer NOT NULL,
    section            text COLLATE "C" NOT NULL,
    status             text COLLATE "C" NOT NULL,
    runs               bigint NOT NULL,
    steps              bigint NOT NULL,
    failed_steps       bigint NOT NULL,
    tokens_input       bigint NOT NULL,
    tokens_output      bigint NOT NULL,
    cost_usd           numeric NOT NULL,
    steps_without_cost bigint NOT NULL,
    latency            integer[] NOT NULL,
    PRIMARY KEY (client_id, day, pipeline_version, stage, step_key, model, prompt_key, prompt_version, section, status)
);

CREATE OR REPLACE FUNCTION usage_apply(deltas usage_step[]) RETURNS void
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
        JOIN (SELECT DISTINCT run_id FROM d) r ON r.run_id = f.run_id),
    agg AS (
        SELECT d.client_id, date_trunc('hour', d.logged_at, 'UTC') AS hour,
               (date_trunc('hour', d.logged_at, 'UTC') AT TIME ZONE cl.timezone)::date AS day,
               r.pipeline_version, d.stage, d.step_key,
               coalesce(d.model, '') AS model, coalesce(d.prompt_key, '') AS prompt_key,
               coalesce(d.prompt_version, 0) AS prompt_version, coalesce(d.section, '') AS section, d.status,
               coalesce(sum(d.sign) FILTER (WHERE c.run_id IS NOT NULL), 0) AS runs,
               sum(d.sign) AS steps,
               coalesce(sum(d.sign) FILTER (WHERE d.status = 'failure'), 0) AS failed_steps,
               coalesce(sum(d.sign * d.tokens_input), 0) AS tokens_input,
               coalesce(sum(d.sign * d.tokens_output), 0) AS tokens_output,
               coalesce(sum(d.sign * d.cost_usd), 0) AS cost_usd,
               coalesce(sum(d.sign) FILTER (WHERE d.cost_usd IS NULL), 0) AS steps_without_cost,
               usage_latency_counts(array_agg(d.sign * (usage_latency_bucket(d.latency_ms) + 1))) AS latency
        FROM d
        JOIN runs r ON r.id = d.run_id
        JOIN clients cl ON cl.id = d.client_id
        LEFT JOIN counting c ON c.run_id = d.run_id AND c.step_key = d.step_key AND c.attempt = d.attempt
        GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11),
    hourly AS (
        INSERT INTO usage_hourly AS u (client_id, hour, pipeline_version, stage, step_key, model, prompt_key,
                                       prompt_version, section, status, runs, steps, failed_steps, tokens_input,
                                       tokens_output, cost_usd, steps_without_cost, latency)
        SELECT client_id, hour, pipeline_version, stage, step_key, model, prompt_key, prompt_version, section, status,
               runs, steps, failed_steps, tokens_input, tokens_output, cost_usd, steps_without_cost, latency
        FROM agg
        ON CONFLICT (client_id, hour, pipeline_version, stage, step_key, model, prompt_key, prompt_version, section, status)
        DO UPDATE SET runs = u.runs + EXCLUDED.runs,
                      steps = u.steps + EXCLUDED.steps,
                      failed_steps = u.failed_steps + EXCLUDED.failed_steps,
                      tokens_input = u.tokens_input + EXCLUDED.tokens_input,
                      tokens_output = u.tokens_output + EXCLUDED.tokens_output,
                      cost_usd = u.cost_usd + EXCLUDED.cost_usd,
                      steps_without_cost = u.steps_without_cost + EXCLUDED.steps_without_cost,
                      latency = usage_latency_add(u.latency, EXCLUDED.latency)
        RETURNING 1)
    INSERT INTO usage_daily AS u (client_id, day, pipeline_version, stage, step_key, model, prompt_key,
                                  prompt_version, section, status, runs, steps, failed_steps, tokens_input,
                                  tokens_output, cost_usd, steps_without_cost, latency)
    SELECT client_id, day, pipeline_version, stage, step_key, model, prompt_key, prompt_version, section, status,
           sum(runs), sum(steps), sum(failed_steps), sum(tokens_input), sum(tokens_output), sum(cost_usd),
           sum(steps_without_cost), usage_latency_sum(latency)
    FROM agg
    GROUP BY client_id, day, pipeline_version, stage, step_key, model, prompt_key, prompt_version, section, status
    ON CONFLICT (client_id, day, pipeline_version, stage, step_key, model, prompt_key, prompt_version, section, status)
    DO UPDATE SET runs = u.runs + EXCLUDED.runs,
                  steps = u.steps + EXCLUDED.steps,
                  failed_steps = u.failed_steps + EXCLUDED.failed_steps,
                  tokens_input = u.tokens_input + EXCLUDED.tokens_input,
                  tokens_output = u.tokens_output + EXCLUDED.tokens_output,
                  cost_usd = u.cost_usd + EXCLUDED.cost_usd,
                  steps_without_cost = u.steps_without_cost + EXCLUDED.steps_without_cost,
                  latency = usage_latency_add(u.latency, EXCLUDED.latency)
$$;

-- A client's daily rows from its hourly ones, in its time zone now.
CREATE FUNCTION usage_build_daily(client uuid) RETURNS void
    LANGUAGE sql AS $$
    DELETE FROM usage_daily WHERE client_id = client;
    INSERT INTO usage_daily (client_id, day, pipeline_version, stage, step_key, model, prompt_key, prompt_version,
                             section, status, runs, steps, failed_steps, tokens_input, tokens_output, cost_usd,
                             steps_without_cost, latency)
    SELECT h.client_id, (h.hour AT TIME ZONE cl.timezone)::date, h.pipeline_version, h.stage, h.step_key, h.model,
           h.prompt_key, h.prompt_version, h.section, h.status, sum(h.runs), sum(h.steps), sum(h.failed_steps),
           sum(h.tokens_input), sum(h.tokens_output), sum(h.cost_usd), sum(h.steps_without_cost),
           usage_latency_sum(h.latency)
    FROM usage_hourly h JOIN clients cl ON cl.id = h.client_id
    WHERE h.client_id = client
    GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10;
$$;

CREATE FUNCTION usage_client_zone_changed() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    PERFORM usage_build_daily(NEW.id);
    RETURN NULL;
END
$$;

CREATE TRIGGER usage_client_zone_changed AFTER UPDATE OF timezone ON clients
    FOR EACH ROW WHEN (OLD.timezone IS DISTINCT FROM NEW.timezone) EXECUTE FUNCTION usage_client_zone_changed();

-- The count that moves to a run's next step moves in the daily rows too.
CREATE OR REPLACE FUNCTION usage_steps_deleted() RETURNS trigger
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
        RETURNING run_id, step_key, attempt),
    keyed AS (
        SELECT s.client_id, date_trunc('hour', s.logged_at, 'UTC') AS hour,
               (date_trunc('hour', s.logged_at, 'UTC') AT TIME ZONE cl.timezone)::date AS day,
               r.pipeline_version, s.stage, s.step_key, coalesce(s.model, '') AS model,
               coalesce(s.prompt_key, '') AS prompt_key, coalesce(s.prompt_version, 0) AS prompt_version,
               coalesce(s.section, '') AS section, s.status
        FROM moved m
        JOIN steps s ON s.run_id = m.run_id AND s.step_key = m.step_key AND s.attempt = m.attempt
        JOIN runs r ON r.id = s.run_id
        JOIN clients cl ON cl.id = s.client_id),
    hourly AS (
        UPDATE usage_hourly u SET runs = u.runs + 1
        FROM keyed k
        WHERE u.client_id = k.client_id AND u.hour = k.hour AND u.pipeline_version = k.pipeline_version
          AND u.stage = k.stage AND u.step_key = k.step_key AND u.model = k.model AND u.prompt_key = k.prompt_key
          AND u.prompt_version = k.prompt_version AND u.section = k.section AND u.status = k.status
        RETURNING 1)
    UPDATE usage_daily u SET runs = u.runs + 1
    FROM keyed k
    WHERE u.client_id = k.client_id AND u.day = k.day AND u.pipeline_version = k.pipeline_version
      AND u.stage = k.stage AND u.step_key = k.step_key AND u.model = k.model AND u.prompt_key = k.prompt_key
      AND u.prompt_version = k.prompt_version AND u.section = k.section AND u.status = k.status;
    RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION usage_rebuild() RETURNS void
    LANGUAGE sql AS $$
    DELETE FROM usage_hourly;
    DELETE FROM usage_daily;
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
    SELECT usage_build_daily(id) FROM clients;
$$;

SELECT usage_build_daily(id) FROM clients;
