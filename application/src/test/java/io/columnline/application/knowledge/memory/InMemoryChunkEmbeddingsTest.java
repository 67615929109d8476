package io.columnline.application.knowledge.memory;

import io.columnline.application.knowledge.contract.ChunkEmbeddingsContract;
import io.columnline.application.knowledge.port.out.ChunkEmbeddings;
import io.columnline.application.knowledge.port.out.Sources;
import io.columnline.application.tenancy.memory.InMemoryClients;
import io.columnline.application.tenancy.port.out.Clients;

/** The in-memory adapter against the same contract as the Postgres one. */
class InMemoryChunkEmbeddingsTest extends ChunkEmbeddingsContract {
    private final InMemorySources sources = new InMemorySources();
    private final InMemoryChunkEmbeddings embeddings = new InMemoryChunkEmbeddings(sources);
    private final InMemoryClients clients = new InMemoryClients();

    @Override
    protected ChunkEmbeddings embeddings() {
        return embeddings;
    }

    @Override
    protected Sources sources() {
        return sources;
    }

    @Override
    protected Clients clients() {
        return clients;
    }
}
