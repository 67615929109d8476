package io.columnline.adapters.postgres.publishing;

import io.columnline.adapters.postgres.shared.PostgresDatabase;
import io.columnline.adapters.postgres.tenancy.TenancyAdapters;
import io.columnline.application.publishing.contract.WebhookOutboxContract;
import io.columnline.application.publishing.port.out.WebhookOutbox;
import io.columnline.application.tenancy.port.out.Clients;
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
        return TenancyAdapters.clients(DB.session());
    }
}
