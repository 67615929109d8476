-- Context sources and their chunks (the seed's context_sources and source_chunks). A source keeps
-- its original bytes and their SHA-256; each version of a keyed source is a row of its own, and the
-- older versions of a key are deleted (their chunks with them) in the transaction that makes a
-- newer one ready, so a key always has chunks that can be found and never two sets at once.

CREATE TABLE context_sources (
    id           uuid PRIMARY KEY,
    client_id    uuid NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
    key          text,
    version      integer NOT NULL CHECK (version > 0),
    type         text NOT NULL CHECK (type IN ('text', 'markdown', 'csv', 'pdf', 'json')),
    name         text NOT NULL,
    content_type text NOT NULL,
    content      bytea NOT NULL,
    sha256       text NOT NULL,
    size_bytes   bigint NOT NULL,
    raw_metadata json NOT NULL DEFAULT '{}'::json, -- json keeps the canonical text byte for byte
    status       text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'processing', 'ready', 'error')),
    error        text,
    token_count  integer,
    chunk_count  integer NOT NULL DEFAULT 0,
    attempts     integer NOT NULL DEFAULT 0,
    lease_token  uuid,
    lease_until  timestamptz,
    created_at   timestamptz NOT NULL DEFAULT now(),
    processed_at timestamptz
);

CREATE UNIQUE INDEX context_sources_key_version ON context_sources (client_id, key, version) WHERE key IS NOT NULL;
CREATE INDEX context_sources_client_hash ON context_sources (client_id, sha256);
CREATE INDEX context_sources_client_created ON context_sources (client_id, created_at, id);
-- the workers' queue: only sources that still need a worker are in it
CREATE INDEX context_sources_to_process ON context_sources (created_at) WHERE status IN ('pending', 'processing');

CREATE TABLE source_chunks (
    id          uuid PRIMARY KEY,
    source_id   uuid NOT NULL REFERENCES context_sources (id) ON DELETE CASCADE,
    client_id   uuid NOT NULL,
    chunk_index integer NOT NULL CHECK (chunk_index >= 0),
    content     text NOT NULL,
    token_count integer NOT NULL CHECK (token_count >= 0),
    metadata    json NOT NULL DEFAULT '{}'::json,
    UNIQUE (source_id, chunk_index)
);
