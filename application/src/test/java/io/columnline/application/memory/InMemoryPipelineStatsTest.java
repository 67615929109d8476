package io.columnline.application.memory;

import io.columnline.application.contract.PipelineStatsContract;
import io.columnline.application.port.out.Clients;
import io.columnline.application.port.out.PipelineStats;
import io.columnline.application.port.out.Runs;
import io.columnline.application.port.out.StepLog;

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
