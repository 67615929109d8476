package io.columnline.adapters.postgres.prospects;

import io.columnline.adapters.postgres.shared.PostgresDatabase;
import io.columnline.adapters.postgres.tenancy.TenancyAdapters;
import io.columnline.application.prospects.contract.ProspectsContract;
import io.columnline.application.prospects.port.out.AiInteractions;
import io.columnline.application.prospects.port.out.Companies;
import io.columnline.application.prospects.port.out.Contacts;
import io.columnline.application.tenancy.port.out.Clients;
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
        return TenancyAdapters.clients(DB.session());
    }
}
