-- Chunks a caller sent already embedded, with their vectors, kept until a worker stores them as the
-- source's chunks (in the transaction that makes it ready, which deletes them from here). The
-- caller's text and vectors are taken as they are: nothing is chunked or embedded again.

CREATE TABLE source_supplied_chunks (
    source_id   uuid NOT NULL REFERENCES context_sources (id) ON DELETE CASCADE,
    chunk_index integer NOT NULL CHECK (chunk_index >= 0),
    content     text NOT NULL,
    metadata    json NOT NULL DEFAULT '{}'::json,
    model       text NOT NULL,
    embedding   real[] NOT NULL CHECK (cardinality(embedding) > 0),
    PRIMARY KEY (source_id, chunk_index)
);
