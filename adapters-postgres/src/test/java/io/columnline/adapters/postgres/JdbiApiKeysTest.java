package io.columnline.adapters.postgres;

import io.columnline.application.contract.ApiKeysContract;
import io.columnline.application.port.out.ApiKeys;
import io.columnline.application.port.out.Clients;
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
