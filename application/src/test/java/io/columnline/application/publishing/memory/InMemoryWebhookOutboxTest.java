package io.columnline.application.publishing.memory;

import io.columnline.application.publishing.contract.WebhookOutboxContract;
import io.columnline.application.publishing.port.out.WebhookOutbox;
import io.columnline.application.tenancy.memory.InMemoryClients;
import io.columnline.application.tenancy.port.out.Clients;

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
