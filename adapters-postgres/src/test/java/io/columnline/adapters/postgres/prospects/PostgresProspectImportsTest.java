package io.columnline.adapters.postgres.prospects;

import io.columnline.adapters.postgres.shared.PostgresDatabase;
import io.columnline.adapters.postgres.tenancy.TenancyAdapters;
import io.columnline.application.prospects.contract.ProspectImportsContract;
import io.columnline.application.prospects.port.out.Companies;
import io.columnline.application.prospects.port.out.Contacts;
import io.columnline.application.prospects.port.out.ProspectImports;
import io.columnline.application.shared.Fixtures;
import io.columnline.application.shared.MutableClock;
import io.columnline.application.tenancy.port.out.Clients;
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
        return TenancyAdapters.clients(DB.session());
    }
}
