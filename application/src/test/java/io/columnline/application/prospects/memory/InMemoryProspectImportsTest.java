package io.columnline.application.prospects.memory;

import io.columnline.application.prospects.contract.ProspectImportsContract;
import io.columnline.application.prospects.port.out.Companies;
import io.columnline.application.prospects.port.out.Contacts;
import io.columnline.application.prospects.port.out.ProspectImports;
import io.columnline.application.shared.Fixtures;
import io.columnline.application.shared.MutableClock;
import io.columnline.application.tenancy.memory.InMemoryClients;
import io.columnline.application.tenancy.port.out.Clients;

/** The in-memory adapter against the same contract as the Postgres one. */
class InMemoryProspectImportsTest extends ProspectImportsContract {
    private final InMemoryClients clients = new InMemoryClients();
    private final InMemoryCompanies companies = new InMemoryCompanies();
    private final InMemoryContacts contacts = new InMemoryContacts(companies);
    private final InMemoryProspectImports imports =
            new InMemoryProspectImports(companies, contacts, new MutableClock(Fixtures.NOW));

    @Override
    protected ProspectImports imports() {
        return imports;
    }

    @Override
    protected Companies companies() {
        return companies;
    }

    @Override
    protected Contacts contacts() {
        return contacts;
    }

    @Override
    protected Clients clients() {
        return clients;
    }
}
