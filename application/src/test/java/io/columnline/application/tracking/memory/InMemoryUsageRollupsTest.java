package io.columnline.application.tracking.memory;

import io.columnline.application.tenancy.memory.InMemoryClients;
import io.columnline.application.tenancy.port.out.Clients;
import io.columnline.application.tracking.contract.UsageRollupsContract;
import io.columnline.application.tracking.port.out.Runs;
import io.columnline.application.tracking.port.out.StepLog;
import io.columnline.application.tracking.port.out.UsageRollups;

class InMemoryUsageRollupsTest extends UsageRollupsContract {
    private final InMemoryClients clients = new InMemoryClients();
    private final InMemoryRuns runs = new InMemoryRuns();
    private final InMemoryStepLog steps = new InMemoryStepLog(runs);

    @Override
    protected UsageRollups rollups() {
        return new InMemoryUsageRollups(runs, steps, clients);
    }

    @Override
    protected Runs runs() {
        return runs;
    }

    @Override
    protected StepLog steps() {
        return steps;
    }

    @Override
    protected Clients clients() {
        return clients;
    }
}
