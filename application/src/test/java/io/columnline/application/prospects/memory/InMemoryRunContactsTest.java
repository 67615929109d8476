package io.columnline.application.prospects.memory;

import io.columnline.application.prospects.contract.RunContactsContract;
import io.columnline.application.prospects.port.out.Contacts;
import io.columnline.application.prospects.port.out.RunContacts;
import io.columnline.application.publishing.memory.InMemoryBatches;
import io.columnline.application.publishing.memory.InMemoryDossierLists;
import io.columnline.application.publishing.memory.InMemoryDossiers;
import io.columnline.application.publishing.port.out.Batches;
import io.columnline.application.publishing.port.out.Dossiers;
import io.columnline.application.tenancy.memory.InMemoryClients;
import io.columnline.application.tenancy.port.out.Clients;
import io.columnline.application.tracking.memory.InMemoryRuns;
import io.columnline.application.tracking.port.out.Runs;

class InMemoryRunContactsTest extends RunContactsContract {
    private final InMemoryClients clients = new InMemoryClients();
    private final InMemoryRuns runs = new InMemoryRuns();
    private final InMemoryBatches batches = new InMemoryBatches(runs);
    private final InMemoryDossiers dossiers = new InMemoryDossiers(new InMemoryDossierLists());
    private final InMemoryContacts contacts = new InMemoryContacts(new InMemoryCompanies());
    private final InMemoryRunContacts runContacts = new InMemoryRunContacts(contacts);

    @Override
    protected RunContacts runContacts() {
        return runContacts;
    }

    @Override
    protected Contacts contacts() {
        return contacts;
    }

    @Override
    protected Dossiers dossiers() {
        return dossiers;
    }

    @Override
    protected Batches batches() {
        return batches;
    }

    @Override
    protected Runs runs() {
        return runs;
    }

    @Override
    protected Clients clients() {
        return clients;
    }
}
