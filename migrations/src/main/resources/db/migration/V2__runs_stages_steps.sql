-- Pipeline runs, their stages and LLM steps, and the model price table steps are costed with.
-- Machine keys (stage names, step keys) sort byte by byte (COLLATE "C") whatever the database's
-- locale, so keyset pagination orders rows the same everywhere.

CREATE TABLE runs (
    id               uuid PRIMARY KEY,
    client_id        uuid NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
    seed             json NOT NULL, -- the seed object as sent, in canonical text
    company_name     text NOT NULL,
    company_domain   text NOT NULL,
    company_id       text,
    pipeline_version text NOT NULL DEFAULT 'v2',
    external_id      text,
    status           text NOT NULL CHECK (status IN ('running', 'completed', 'failed', 'published')),
    error            text,
    started_at       timestamptz NOT NULL,
    finished_at      timestamptz,
    UNIQUE (client_id, id) -- the target of the (client_id, run_id) keys below
);

CREATE UNIQUE INDEX runs_external_id ON runs (client_id, external_id) WHERE external_id IS NOT NULL;
CREATE INDEX runs_of_client_newest_first ON runs (client_id, started_at DESC, id DESC);
CREATE INDEX runs_newest_first ON runs (started_at DESC, id DESC);

CREATE TABLE stages (
    client_id     uuid NOT NULL,
    run_id        uuid NOT NULL,
    name          text COLLATE "C" NOT NULL,
    status        text NOT NULL CHECK (status IN ('running', 'success', 'failure', 'retry', 'skipped')),
    attempts      integer NOT NULL CHECK (attempts >= 1),
    error_summary text,
    input_refs    json,
    output_refs   json,
    metrics       json,
    started_at    timestamptz NOT NULL,
    finished_at   timestamptz,
    PRIMARY KEY (client_id, run_id, name),
    FOREIGN KEY (client_id, run_id) REFERENCES runs (client_id, id) ON DELETE CASCADE
);

-- A step is identified by run, step key and attempt (the primary key); inserts use
-- ON CONFLICT DO NOTHING so concurrent retries of the same step store one row.
CREATE TABLE steps (
    client_id      uuid NOT NULL,
    run_id         uuid NOT NULL,
    step_key       text COLLATE "C" NOT NULL,
    attempt        integer NOT NULL CHECK (attempt >= 1),
    stage          text COLLATE "C" NOT NULL,
    section        text,
    prompt_key     text,
    prompt_version integer CHECK (prompt_version >= 1),
    model          text,
    input          json,
    output         json,
    tokens_input   bigint CHECK (tokens_input >= 0),
    tokens_output  bigint CHECK (tokens_output >= 0),
    cost_usd       numeric CHECK (cost_usd >= 0),
    cost_source    text NOT NULL CHECK (cost_source IN ('given', 'priced', 'unknown_model', 'none')),
    latency_ms     bigint CHECK (latency_ms >= 0),
    status         text NOT NULL CHECK (status IN ('success', 'failure')),
    error          text,
    fingerprint    text NOT NULL, -- SHA-256 of the payload: a resend must match it
    logged_at      timestamptz NOT NULL,
    PRIMARY KEY (client_id, run_id, step_key, attempt),
    FOREIGN KEY (client_id, run_id) REFERENCES runs (client_id, id) ON DELETE CASCADE
);

CREATE INDEX steps_in_log_order ON steps (run_id, logged_at, step_key, attempt);

-- Reference data shared by every client (a Citus reference table once distributed), so it has
-- no client_id. USD per million tokens, as the vendors publish them.
CREATE TABLE model_prices (
    model                  text COLLATE "C" PRIMARY KEY,
    input_per_million_usd  numeric NOT NULL CHECK (input_per_million_usd >= 0),
    output_per_million_usd numeric NOT NULL CHECK (output_per_million_usd >= 0),
    updated_at             timestamptz NOT NULL DEFAULT now()
);

INSERT INTO model_prices (model, input_per_million_usd, output_per_million_usd) VALUES
    ('gpt-4o',           2.5,  10),
    ('gpt-4o-mini',      0.15, 0.6),
    ('gpt-4.1',          2,    8),
    ('gpt-4.1-mini',     0.4,  1.6),
    ('gpt-4.1-nano',     0.1,  0.4),
    ('o3',               2,    8),
    ('o4-mini',          1.1,  4.4),
    ('claude-opus-4',    15,   75),
    ('claude-sonnet-4',  3,    15),
    ('claude-3-5-haiku', 0.8,  4),
    ('gemini-2.5-pro',   1.25, 10),
    ('gemini-2.5-flash', 0.3,  2.5);
