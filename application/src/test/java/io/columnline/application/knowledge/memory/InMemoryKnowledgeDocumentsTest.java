package io.columnline.application.knowledge.memory;

import io.columnline.application.knowledge.contract.KnowledgeDocumentsContract;
import io.columnline.application.knowledge.port.out.KnowledgeDocuments;
import io.columnline.application.tenancy.memory.InMemoryClients;
import io.columnline.application.tenancy.port.out.Clients;

/** The in-memory adapter against the same contract as the Postgres one. */
class InMemoryKnowledgeDocumentsTest extends KnowledgeDocumentsContract {
    private final InMemoryKnowledgeDocuments documents = new InMemoryKnowledgeDocuments();
    private final InMemoryClients clients = new InMemoryClients();

    @Override
    protected KnowledgeDocuments documents() {
        return documents;
    }

    @Override
    protected Clients clients() {
        return clients;
    }
}
