package io.columnline.application.knowledge.memory;

import io.columnline.application.knowledge.contract.ResearchCacheContract;
import io.columnline.application.knowledge.port.out.ResearchCache;
import io.columnline.application.tenancy.memory.InMemoryClients;
import io.columnline.application.tenancy.port.out.Clients;
import io.columnline.application.tracking.memory.InMemoryRuns;
import io.columnline.application.tracking.port.out.Runs;

/** The in-memory adapter against the same contract as the Postgres one. */
class InMemoryResearchCacheTest extends ResearchCacheContract {
    private final InMemoryResearchCache cache = new InMemoryResearchCache();
    private final InMemoryClients clients = new InMemoryClients();
    private final InMemoryRuns runs = new InMemoryRuns();

    @Override
    protected ResearchCache cache() {
        return cache;
    }

    @Override
    protected Clients clients() {
        return clients;
    }

    @Override
    protected Runs runs() {
        return runs;
    }
}
