package io.columnline.application.memory;

import io.columnline.application.contract.BatchesContract;
import io.columnline.application.port.out.Batches;
import io.columnline.application.port.out.Clients;
import io.columnline.application.port.out.Runs;

class InMemoryBatchesTest extends BatchesContract {
    private final InMemoryClients clients = new InMemoryClients();
    private final InMemoryRuns runs = new InMemoryRuns();
    private final InMemoryBatches batches = new InMemoryBatches(runs);

    @Override
    protected Batches batches() {
        return batches;
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
