-- Tenants, their versioned profile documents, API keys and stored idempotent responses.

CREATE TABLE clients (
    id                uuid PRIMARY KEY,
    slug              text NOT NULL UNIQUE,
    name              text NOT NULL,
    timezone          text NOT NULL DEFAULT 'UTC',
    icp_config        json NOT NULL DEFAULT '{}'::json, -- json keeps the canonical text byte for byte
    industry_research text NOT NULL DEFAULT '',
    research_context  text NOT NULL DEFAULT '',
    profile_version   integer NOT NULL DEFAULT 1,
    rerun_webhook_url text,
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE client_profile_versions (
    client_id         uuid NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
    version           integer NOT NULL,
    icp_config        json NOT NULL,
    industry_research text NOT NULL,
    research_context  text NOT NULL,
    created_at        timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (client_id, version)
);

CREATE TABLE api_keys (
    id         uuid PRIMARY KEY,
    key_hash   text NOT NULL UNIQUE,
    client_id  uuid REFERENCES clients (id) ON DELETE CASCADE,
    created_at timestamptz NOT NULL DEFAULT now(),
    revoked_at timestamptz
);

CREATE INDEX api_keys_active_admin ON api_keys ((client_id IS NULL)) WHERE revoked_at IS NULL;

-- One row per (API key, Idempotency-Key); response_status is null while the first request runs.
CREATE TABLE idempotency_records (
    api_key_id      uuid NOT NULL,
    idempotency_key text NOT NULL,
    fingerprint     text NOT NULL,
    response_status integer,
    content_type    text,
    response_body   bytea,
    created_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (api_key_id, idempotency_key)
);

CREATE INDEX idempotency_records_created_at ON idempotency_records (created_at);
