-- Insights (seed 003's insights: compounded knowledge). One row per client, type and normalised
-- title holds the insight as it stands now; every version, the first one too, is kept in
-- insight_versions with the confidence it had, so a changed mind can be read back.

CREATE TABLE insights (
    id             uuid PRIMARY KEY,
    client_id      uuid NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
    type           text NOT NULL,
    title          text NOT NULL,
    title_key      text NOT NULL,
    content        text NOT NULL,
    confidence     double precision NOT NULL CHECK (confidence >= 0 AND confidence <= 1),
    tags           text[] NOT NULL DEFAULT '{}',
    source_id      uuid REFERENCES context_sources (id) ON DELETE SET NULL,
    run_id         uuid REFERENCES runs (id) ON DELETE SET NULL,
    company_domain text,
    version        integer NOT NULL CHECK (version > 0),
    created_at     timestamptz NOT NULL,
    updated_at     timestamptz NOT NULL,
    UNIQUE (client_id, type, title_key)
);
CREATE INDEX insights_client_created ON insights (client_id, created_at, id);
CREATE INDEX insights_tags ON insights USING gin (tags);
CREATE INDEX insights_client_domain ON insights (client_id, company_domain, created_at, id);

CREATE TABLE insight_versions (
    insight_id     uuid NOT NULL REFERENCES insights (id) ON DELETE CASCADE,
    version        integer NOT NULL,
    title          text NOT NULL,
    content        text NOT NULL,
    confidence     double precision NOT NULL,
    tags           text[] NOT NULL,
    source_id      uuid,
    run_id         uuid,
    company_domain text,
    recorded_at    timestamptz NOT NULL,
    PRIMARY KEY (insight_id, version)
);
