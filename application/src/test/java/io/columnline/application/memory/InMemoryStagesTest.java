package io.columnline.application.memory;

import io.columnline.application.contract.StagesContract;
import io.columnline.application.port.out.Clients;
import io.columnline.application.port.out.Runs;
import io.columnline.application.port.out.Stages;

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
