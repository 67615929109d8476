-- The seed's chunk_embeddings: a chunk's vector with the model that made it and its dimension.
-- PostgreSQL holds every vector, so any search index can be rebuilt from here. A chunk's vectors
-- go with it (and so with its source, or with the version a newer one replaced).

CREATE TABLE chunk_embeddings (
    chunk_id  uuid NOT NULL REFERENCES source_chunks (id) ON DELETE CASCADE,
    client_id uuid NOT NULL,
    model     text NOT NULL,
    dimension integer NOT NULL CHECK (dimension > 0),
    embedding real[] NOT NULL CHECK (cardinality(embedding) = dimension),
    PRIMARY KEY (chunk_id, model)
);
