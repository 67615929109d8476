package io.columnline.adapters.postgres.knowledge;

import io.columnline.adapters.postgres.shared.PostgresDatabase;
import io.columnline.adapters.postgres.tenancy.TenancyAdapters;
import io.columnline.application.knowledge.contract.KnowledgeDocumentsContract;
import io.columnline.application.knowledge.port.out.KnowledgeDocuments;
import io.columnline.application.tenancy.port.out.Clients;
import org.junit.jupiter.api.extension.RegisterExtension;

class JdbiKnowledgeDocumentsTest extends KnowledgeDocumentsContract {
    @RegisterExtension
    static final PostgresDatabase DB = new PostgresDatabase();

    @Override
    protected KnowledgeDocuments documents() {
        return new JdbiKnowledgeDocuments(DB.session());
    }

    @Override
    protected Clients clients() {
        return TenancyAdapters.clients(DB.session());
    }
}
