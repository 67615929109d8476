package io.columnline.application.memory;

import io.columnline.application.contract.ClientsContract;
import io.columnline.application.port.out.Clients;

/** The in-memory adapter against the same contract as the Postgres one. */
class InMemoryClientsTest extends ClientsContract {
    private final InMemoryClients clients = new InMemoryClients();

    @Override
    protected Clients clients() {
        return clients;
    }
}
