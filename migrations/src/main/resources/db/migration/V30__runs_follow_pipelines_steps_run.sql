-- Runs as the scenarios start them, and steps the server prepares (issue 16, sections 2 and 3).
-- A discovery run starts before its company is known: name and domain are empty until a step's
-- seed effect or a PATCH names it. A run records the pipeline definition version it follows, who
-- triggered it and the caller's own input and output data.
ALTER TABLE runs
    ALTER COLUMN company_name DROP NOT NULL,
    ALTER COLUMN company_domain DROP NOT NULL,
    ADD COLUMN pipeline_key text,
    ADD COLUMN pipeline_def_version integer CHECK (pipeline_def_version >= 1),
    ADD COLUMN triggered_by text,
    ADD COLUMN input_data json,
    ADD COLUMN output_data json,
    ADD CONSTRAINT runs_pipeline_named_whole CHECK ((pipeline_key IS NULL) = (pipeline_def_version IS NULL));

-- An admin may name a run by its external id without its client.
CREATE INDEX runs_by_external_id ON runs (external_id) WHERE external_id IS NOT NULL;

-- A prepared step is stored as a running attempt, finished in place by its complete. Instances tell
-- apart executions of one step key (one per contact); attempts are numbered per step key over all its
-- instances, so run, step key and attempt stay the primary key. A step's warning says what of its
-- output could not be read.
ALTER TABLE steps
    ADD COLUMN instance text COLLATE "C" NOT NULL DEFAULT '',
    ADD COLUMN warning text,
    DROP CONSTRAINT steps_status_check,
    ADD CONSTRAINT steps_status_check CHECK (status IN ('success', 'failure', 'running')),
    DROP CONSTRAINT steps_cost_source_check,
    ADD CONSTRAINT steps_cost_source_check CHECK (cost_source IN ('given', 'priced', 'parsed', 'unknown_model', 'none'));

-- The timeout sweep reads only running steps, oldest first.
CREATE INDEX steps_running_since ON steps (logged_at) WHERE status = 'running';
-- Input assembly reads the latest successful attempt per step key and instance.
CREATE INDEX steps_succeeded ON steps (run_id, step_key, instance, attempt DESC) WHERE status = 'success';
