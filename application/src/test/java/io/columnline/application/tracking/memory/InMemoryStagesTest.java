package io.columnline.application.tracking.memory;

import io.columnline.application.tenancy.memory.InMemoryClients;
import io.columnline.application.tenancy.port.out.Clients;
import io.columnline.application.tracking.contract.StagesContract;
import io.columnline.application.tracking.port.out.Runs;
import io.columnline.application.tracking.port.out.Stages;

/** The in-memory adapter against the same contract as the Postgres one. */
class InMemoryStagesTest extends StagesContract {
    private final InMemoryClients clients = new InMemoryClients();
    private final InMemoryRuns runs = new InMemoryRuns();
    private final InMemoryStages stages = new InMemoryStages();

    @Override
    protected Stages stages() {
        return stages;
    }

    @Override
    protected Runs runs() {
        return runs;
    }

    @Override
    protected Clients clients() {
        return clients;
    }
}
