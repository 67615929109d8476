package io.columnline.application.prompts.memory;

import io.columnline.application.prompts.contract.PromptUsageContract;
import io.columnline.application.prompts.port.out.PromptUsage;
import io.columnline.application.tenancy.memory.InMemoryClients;
import io.columnline.application.tenancy.port.out.Clients;
import io.columnline.application.tracking.memory.InMemoryRuns;
import io.columnline.application.tracking.memory.InMemoryStepLog;
import io.columnline.application.tracking.port.out.Runs;
import io.columnline.application.tracking.port.out.StepLog;

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
