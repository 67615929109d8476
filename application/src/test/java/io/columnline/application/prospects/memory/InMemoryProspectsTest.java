package io.columnline.application.prospects.memory;

import io.columnline.application.prospects.contract.ProspectsContract;
import io.columnline.application.prospects.port.out.AiInteractions;
import io.columnline.application.prospects.port.out.Companies;
import io.columnline.application.prospects.port.out.Contacts;
import io.columnline.application.tenancy.memory.InMemoryClients;
import io.columnline.application.tenancy.port.out.Clients;

/** The in-memory adapter against the same contract as the Postgres one. */
class InMemoryProspectsTest extends ProspectsContract {
    private final InMemoryClients clients = new InMemoryClients();
    private final InMemoryCompanies companies = new InMemoryCompanies();
    private final InMemoryContacts contacts = new InMemoryContacts(companies);
    private final InMemoryAiInteractions interactions = new InMemoryAiInteractions();

    @Override
    protected Companies companies() {
        return companies;
    }

    @Override
    protected Contacts contacts() {
        return contacts;
    }

    @Override
    protected AiInteractions interactions() {
        return interactions;
    }

    @Override
    protected Clients clients() {
        return clients;
    }
}
