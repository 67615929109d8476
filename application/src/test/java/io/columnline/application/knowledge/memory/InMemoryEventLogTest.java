package io.columnline.application.knowledge.memory;

import io.columnline.application.knowledge.contract.EventLogContract;
import io.columnline.application.knowledge.port.out.EventLog;
import io.columnline.application.tenancy.memory.InMemoryClients;
import io.columnline.application.tenancy.port.out.Clients;

/** The in-memory adapter against the same contract as the Postgres one. */
class InMemoryEventLogTest extends EventLogContract {
    private final InMemoryEventLog log = new InMemoryEventLog();
    private final InMemoryClients clients = new InMemoryClients();

    @Override
    protected EventLog log() {
        return log;
    }

    @Override
    protected Clients clients() {
        return clients;
    }
}
