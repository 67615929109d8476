package io.columnline.application.tracking.memory;

import io.columnline.application.tenancy.memory.InMemoryClients;
import io.columnline.application.tenancy.port.out.Clients;
import io.columnline.application.tracking.contract.PipelineStatsContract;
import io.columnline.application.tracking.port.out.PipelineStats;
import io.columnline.application.tracking.port.out.Runs;
import io.columnline.application.tracking.port.out.StepLog;

class InMemoryPipelineStatsTest extends PipelineStatsContract {
    private final InMemoryClients clients = new InMemoryClients();
    private final InMemoryRuns runs = new InMemoryRuns();
    private final InMemoryStepLog steps = new InMemoryStepLog(runs);

    @Override
    protected PipelineStats stats() {
        return new InMemoryPipelineStats(runs, steps);
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
