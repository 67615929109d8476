package io.columnline.application.tracking.memory;

import io.columnline.application.tenancy.memory.InMemoryClients;
import io.columnline.application.tenancy.port.out.Clients;
import io.columnline.application.tracking.contract.RunsContract;
import io.columnline.application.tracking.port.out.Runs;

/** The in-memory adapter against the same contract as the Postgres one. */
class InMemoryRunsTest extends RunsContract {
    private final InMemoryClients clients = new InMemoryClients();
    private final InMemoryRuns runs = new InMemoryRuns();

    @Override
    protected Runs runs() {
        return runs;
    }

    @Override
    protected Clients clients() {
        return clients;
    }
}
