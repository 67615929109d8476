package io.columnline.application.knowledge.memory;

import io.columnline.application.knowledge.contract.SourcesContract;
import io.columnline.application.knowledge.port.out.Sources;
import io.columnline.application.tenancy.memory.InMemoryClients;
import io.columnline.application.tenancy.port.out.Clients;

/** The in-memory adapter against the same contract as the Postgres one. */
class InMemorySourcesTest extends SourcesContract {
    private final InMemorySources sources = new InMemorySources();
    private final InMemoryClients clients = new InMemoryClients();

    @Override
    protected Sources sources() {
        return sources;
    }

    @Override
    protected Clients clients() {
        return clients;
    }
}
