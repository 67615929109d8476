package io.columnline.application.knowledge.memory;

import io.columnline.application.knowledge.contract.ArtifactsContract;
import io.columnline.application.knowledge.port.out.Artifacts;
import io.columnline.application.tenancy.memory.InMemoryClients;
import io.columnline.application.tenancy.port.out.Clients;

/** The in-memory adapter against the same contract as the Postgres one. */
class InMemoryArtifactsTest extends ArtifactsContract {
    private final InMemoryArtifacts artifacts = new InMemoryArtifacts();
    private final InMemoryClients clients = new InMemoryClients();

    @Override
    protected Artifacts artifacts() {
        return artifacts;
    }

    @Override
    protected Clients clients() {
        return clients;
    }
}
