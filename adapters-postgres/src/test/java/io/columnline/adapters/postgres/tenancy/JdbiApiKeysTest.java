package io.columnline.adapters.postgres.tenancy;

import io.columnline.adapters.postgres.shared.PostgresDatabase;
import io.columnline.application.tenancy.contract.ApiKeysContract;
import io.columnline.application.tenancy.port.out.ApiKeys;
import io.columnline.application.tenancy.port.out.Clients;
import org.junit.jupiter.api.extension.RegisterExtension;

class JdbiApiKeysTest extends ApiKeysContract {
    @RegisterExtension
    static final PostgresDatabase DB = new PostgresDatabase();

    @Override
    protected ApiKeys apiKeys() {
        return new JdbiApiKeys(DB.session());
    }

    @Override
    protected Clients clients() {
        return new JdbiClients(DB.session());
    }
}
