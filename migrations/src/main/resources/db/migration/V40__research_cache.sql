-- The research cache (seed 004's research_cache): what a pipeline found about a topic, reused while
-- it is fresh. Entries are matched on the normalised topic (topic_key); the topic as sent is kept.
-- An entry is never updated: a DELETE or an invalidation stamps invalidated_at, so lookups that hit
-- it keep pointing at what they were answered with.

CREATE TABLE research_cache_entries (
    id             uuid PRIMARY KEY,
    client_id      uuid NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
    topic          text NOT NULL,
    topic_key      text NOT NULL CHECK (topic_key <> ''),
    content        text NOT NULL,
    content_sha256 text NOT NULL,
    run_id         uuid REFERENCES runs (id) ON DELETE SET NULL,
    cost_usd       numeric NOT NULL CHECK (cost_usd >= 0),
    metadata       json NOT NULL DEFAULT '{}'::json,
    created_at     timestamptz NOT NULL,
    invalidated_at timestamptz
);

-- the newest live entry of a topic: an index range scan backwards, stopping at the first row
CREATE INDEX research_cache_live ON research_cache_entries (client_id, topic_key, created_at DESC)
    WHERE invalidated_at IS NULL;
-- the same topic with the same content is one live entry, however many callers store it at once
CREATE UNIQUE INDEX research_cache_same_content ON research_cache_entries (client_id, topic_key, content_sha256)
    WHERE invalidated_at IS NULL;

-- One vector per client, normalised topic and model: what a semantic lookup compares. seq only
-- grows, so a reader that holds the vectors up to a seq loads just the newer ones.
CREATE TABLE research_cache_topics (
    seq       bigserial PRIMARY KEY,
    client_id uuid NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
    topic_key text NOT NULL,
    model     text NOT NULL,
    embedding real[] NOT NULL CHECK (cardinality(embedding) > 0),
    UNIQUE (client_id, model, topic_key)
);
CREATE INDEX research_cache_topics_since ON research_cache_topics (client_id, model, seq);

-- Every lookup, hit or miss: what the cache saved is the cost of the entries it answered with.
CREATE TABLE research_cache_lookups (
    id         uuid PRIMARY KEY,
    client_id  uuid NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
    topic_key  text NOT NULL,
    run_id     uuid REFERENCES runs (id) ON DELETE SET NULL,
    hit        boolean NOT NULL,
    match      text CHECK (match IN ('exact', 'semantic')),
    similarity double precision,
    entry_id   uuid,
    saved_usd  numeric NOT NULL DEFAULT 0,
    at         timestamptz NOT NULL,
    CHECK (hit = (match IS NOT NULL))
);
CREATE INDEX research_cache_lookups_client_at ON research_cache_lookups (client_id, at);
CREATE INDEX research_cache_lookups_run ON research_cache_lookups (run_id) WHERE run_id IS NOT NULL;
