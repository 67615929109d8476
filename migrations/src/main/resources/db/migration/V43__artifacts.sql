-- Artifacts (seed 004's scripts): a client's keyed files, scripts and reports, every version kept.
-- Text is stored as text and anything else as bytes with its content type; a version is added
-- only when the content changed (content_sha256 of the newest version differs).

CREATE TABLE artifacts (
    id             uuid PRIMARY KEY,
    client_id      uuid NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
    key            text NOT NULL,
    version        integer NOT NULL CHECK (version > 0),
    kind           text NOT NULL,
    content_type   text NOT NULL,
    text_content   text,
    bytes_content  bytea,
    content_sha256 text NOT NULL,
    size_bytes     bigint NOT NULL,
    run_id         uuid REFERENCES runs (id) ON DELETE SET NULL,
    metadata       json NOT NULL DEFAULT '{}'::json,
    created_at     timestamptz NOT NULL,
    UNIQUE (client_id, key, version),
    CHECK ((text_content IS NULL) <> (bytes_content IS NULL))
);
CREATE INDEX artifacts_client_created ON artifacts (client_id, created_at, id);
