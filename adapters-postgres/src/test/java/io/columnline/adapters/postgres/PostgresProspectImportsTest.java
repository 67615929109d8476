package io.columnline.adapters.postgres;

import io.columnline.application.contract.Fixtures;
import io.columnline.application.contract.ProspectImportsContract;
import io.columnline.application.memory.MutableClock;
import io.columnline.application.port.out.Clients;
import io.columnline.application.port.out.Companies;
import io.columnline.application.port.out.Contacts;
import io.columnline.application.port.out.ProspectImports;
import org.junit.jupiter.api.extension.RegisterExtension;

class PostgresProspectImportsTest extends ProspectImportsContract {
    @RegisterExtension
    static final PostgresDatabase DB = new PostgresDatabase();

    @Override
    protected ProspectImports imports() {
        return new PostgresProspectImports(DB.database(), DB.session(), new MutableClock(Fixtures.NOW));
    }

    @Override
    protected Companies companies() {
        return new JdbiCompanies(DB.session());
    }

    @Override
    protected Contacts contacts() {
        return new JdbiContacts(DB.session());
    }

    @Override
    protected Clients clients() {
        return new JdbiClients(DB.session());
    }
}
