package io.columnline.adapters.postgres;

import io.columnline.application.contract.ProspectsContract;
import io.columnline.application.port.out.AiInteractions;
import io.columnline.application.port.out.Clients;
import io.columnline.application.port.out.Companies;
import io.columnline.application.port.out.Contacts;
import org.junit.jupiter.api.extension.RegisterExtension;

class JdbiProspectsTest extends ProspectsContract {
    @RegisterExtension
    static final PostgresDatabase DB = new PostgresDatabase();

    @Override
    protected Companies companies() {
        return new JdbiCompanies(DB.session());
    }

    @Override
    protected Contacts contacts() {
        return new JdbiContacts(DB.session());
    }

    @Override
    protected AiInteractions interactions() {
        return new JdbiAiInteractions(DB.session());
    }

    @Override
    protected Clients clients() {
        return new JdbiClients(DB.session());
    }
}
