package io.columnline.application.memory;

import io.columnline.application.contract.Fixtures;
import io.columnline.application.contract.ProspectImportsContract;
import io.columnline.application.port.out.Clients;
import io.columnline.application.port.out.Companies;
import io.columnline.application.port.out.Contacts;
import io.columnline.application.port.out.ProspectImports;

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
