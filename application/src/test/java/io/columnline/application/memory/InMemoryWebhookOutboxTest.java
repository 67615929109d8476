package io.columnline.application.memory;

import io.columnline.application.contract.WebhookOutboxContract;
import io.columnline.application.port.out.Clients;
import io.columnline.application.port.out.WebhookOutbox;

/** The in-memory adapter against the same contract as the Postgres one. */
class InMemoryWebhookOutboxTest extends WebhookOutboxContract {
    private final InMemoryClients clients = new InMemoryClients();
    private final InMemoryWebhookOutbox outbox = new InMemoryWebhookOutbox();

    @Override
    protected WebhookOutbox outbox() {
        return outbox;
    }

    @Override
    protected Clients clients() {
        return clients;
    }
}
