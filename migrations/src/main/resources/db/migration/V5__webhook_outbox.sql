-- Transactional outbox for webhooks: a delivery is written in the same transaction as the change
-- it announces, then sent by a background worker with retries until delivered or given up.

CREATE TABLE webhook_deliveries (
    id              uuid PRIMARY KEY,
    client_id       uuid NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
    event           text NOT NULL,
    subject_id      uuid,
    url             text NOT NULL,
    payload         jsonb NOT NULL,
    status          text NOT NULL CHECK (status IN ('pending', 'delivered', 'failed')),
    attempts        integer NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    finished_at     timestamptz
);

CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at) WHERE status = 'pending';
CREATE INDEX webhook_deliveries_subject ON webhook_deliveries (subject_id);

CREATE TABLE webhook_delivery_attempts (
    delivery_id uuid NOT NULL REFERENCES webhook_deliveries (id) ON DELETE CASCADE,
    client_id   uuid NOT NULL,
    number      integer NOT NULL,
    at          timestamptz NOT NULL,
    duration_ms bigint NOT NULL,
    status_code integer,
    error       text,
    PRIMARY KEY (delivery_id, number)
);
