-- The change sequence search indexes follow. Every statement that touches a source, a chunk or a
-- vector, whoever runs it (the workers, a re-embedding, a cascade from a deleted client), appends
-- the sources it touched, by trigger, in its own transaction. The writers take one transaction-level
-- advisory lock before they append and hold it to their commit, so the sequence is in commit order:
-- an index that has seen change N has seen every change before it. Readers never take the lock.
-- A search index keeps the last change it applied and, before answering, applies the newer ones by
-- reading the named sources again (so applying a change twice does no harm).

CREATE TABLE knowledge_changes (
    seq        bigserial PRIMARY KEY,
    source_id  uuid NOT NULL,
    changed_at timestamptz NOT NULL DEFAULT now()
);

-- The generation of search indexes: `columnline index rebuild` starts a new epoch, and an index
-- built in another epoch (or for another database) rebuilds itself from the tables.
CREATE TABLE knowledge_index_epoch (
    only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
    epoch    uuid NOT NULL
);
INSERT INTO knowledge_index_epoch (epoch) VALUES (gen_random_uuid());

CREATE FUNCTION knowledge_changed(sources uuid[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    IF cardinality(sources) > 0 THEN
        PERFORM pg_advisory_xact_lock(7202512001);
        INSERT INTO knowledge_changes (source_id) SELECT DISTINCT s FROM unnest(sources) AS s;
    END IF;
END
$$;

CREATE FUNCTION knowledge_sources_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        PERFORM knowledge_changed(ARRAY(SELECT id FROM new_rows WHERE status = 'ready'));
    ELSIF TG_OP = 'UPDATE' THEN
        -- only what a search can see: claims and leases of sources not yet ready are not changes
        PERFORM knowledge_changed(ARRAY(
            SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id
            WHERE n.status = 'ready' OR o.status = 'ready'));
    ELSE
        PERFORM knowledge_changed(ARRAY(SELECT id FROM old_rows));
    END IF;
    RETURN NULL;
END
$$;

CREATE FUNCTION knowledge_chunks_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        PERFORM knowledge_changed(ARRAY(SELECT DISTINCT source_id FROM old_rows));
    ELSE
        PERFORM knowledge_changed(ARRAY(SELECT DISTINCT source_id FROM new_rows));
    END IF;
    RETURN NULL;
END
$$;

CREATE FUNCTION knowledge_embeddings_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        -- a vector deleted with its chunk has no chunk left to name its source: the chunk's own change did
        PERFORM knowledge_changed(ARRAY(
            SELECT DISTINCT c.source_id FROM old_rows e JOIN source_chunks c ON c.id = e.chunk_id));
    ELSE
        PERFORM knowledge_changed(ARRAY(
            SELECT DISTINCT c.source_id FROM new_rows e JOIN source_chunks c ON c.id = e.chunk_id));
    END IF;
    RETURN NULL;
END
$$;

-- statement triggers with transition tables: one append per statement, however many rows (a COPY of
-- a million chunks appends each of their sources once)
CREATE TRIGGER knowledge_sources_inserted AFTER INSERT ON context_sources
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION knowledge_sources_changed();
CREATE TRIGGER knowledge_sources_updated AFTER UPDATE ON context_sources
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION knowledge_sources_changed();
CREATE TRIGGER knowledge_sources_deleted AFTER DELETE ON context_sources
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION knowledge_sources_changed();

CREATE TRIGGER knowledge_chunks_inserted AFTER INSERT ON source_chunks
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION knowledge_chunks_changed();
CREATE TRIGGER knowledge_chunks_updated AFTER UPDATE ON source_chunks
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION knowledge_chunks_changed();
CREATE TRIGGER knowledge_chunks_deleted AFTER DELETE ON source_chunks
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION knowledge_chunks_changed();

CREATE TRIGGER knowledge_embeddings_inserted AFTER INSERT ON chunk_embeddings
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION knowledge_embeddings_changed();
CREATE TRIGGER knowledge_embeddings_updated AFTER UPDATE ON chunk_embeddings
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION knowledge_embeddings_changed();
CREATE TRIGGER knowledge_embeddings_deleted AFTER DELETE ON chunk_embeddings
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION knowledge_embeddings_changed();
