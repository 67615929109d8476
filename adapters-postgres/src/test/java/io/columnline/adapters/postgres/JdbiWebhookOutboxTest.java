package io.columnline.adapters.postgres;

import io.columnline.application.contract.WebhookOutboxContract;
import io.columnline.application.port.out.Clients;
import io.columnline.application.port.out.WebhookOutbox;
import org.junit.jupiter.api.extension.RegisterExtension;

class JdbiWebhookOutboxTest extends WebhookOutboxContract {
    @RegisterExtension
    static final PostgresDatabase DB = new PostgresDatabase();

    @Override
    protected WebhookOutbox outbox() {
        return new JdbiWebhookOutbox(DB.session());
    }

    @Override
    protected Clients clients() {
        return new JdbiClients(DB.session());
    }
}
