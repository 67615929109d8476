package io.columnline.application.tenancy.memory;

import io.columnline.application.tenancy.contract.ApiKeysContract;
import io.columnline.application.tenancy.port.out.ApiKeys;
import io.columnline.application.tenancy.port.out.Clients;

/** The in-memory adapter against the same contract as the Postgres one. */
class InMemoryApiKeysTest extends ApiKeysContract {
    private final InMemoryClients clients = new InMemoryClients();
    private final InMemoryApiKeys keys = new InMemoryApiKeys();

    @Override
    protected ApiKeys apiKeys() {
        return keys;
    }

    @Override
    protected Clients clients() {
        return clients;
    }
}
