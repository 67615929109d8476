package io.columnline.application.tenancy.memory;

import io.columnline.application.tenancy.contract.ClientsContract;
import io.columnline.application.tenancy.port.out.Clients;

/** The in-memory adapter against the same contract as the Postgres one. */
class InMemoryClientsTest extends ClientsContract {
    private final InMemoryClients clients = new InMemoryClients();

    @Override
    protected Clients clients() {
        return clients;
    }
}
