package io.columnline.application.memory;

import io.columnline.application.contract.PromptUsageContract;
import io.columnline.application.port.out.Clients;
import io.columnline.application.port.out.PromptUsage;
import io.columnline.application.port.out.Runs;
import io.columnline.application.port.out.StepLog;

class InMemoryPromptUsageTest extends PromptUsageContract {
    private final InMemoryClients clients = new InMemoryClients();
    private final InMemoryRuns runs = new InMemoryRuns();
    private final InMemoryStepLog steps = new InMemoryStepLog(runs);

    @Override
    protected PromptUsage usage() {
        return new InMemoryPromptUsage(steps);
    }

    @Override
    protected StepLog steps() {
        return steps;
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
