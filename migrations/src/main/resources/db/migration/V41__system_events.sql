-- The append-only log of what happened to the system (seed 004's boot logs): a server started or
-- stopped, migrations ran, a webhook delivery was given up, an import finished, a source failed;
-- and what pipelines add. A client's events name it; the system's own name none. Rows are never
-- updated; they are pruned after COLUMNLINE_EVENTS_KEEP_DAYS.

CREATE TABLE system_events (
    id        bigserial PRIMARY KEY,
    client_id uuid REFERENCES clients (id) ON DELETE CASCADE,
    kind      text NOT NULL,
    instance  text NOT NULL,
    at        timestamptz NOT NULL,
    detail    json NOT NULL DEFAULT '{}'::json
);

CREATE INDEX system_events_at ON system_events (at, id);
CREATE INDEX system_events_client_at ON system_events (client_id, at, id);
