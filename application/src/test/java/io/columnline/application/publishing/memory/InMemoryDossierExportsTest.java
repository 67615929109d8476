package io.columnline.application.publishing.memory;

import io.columnline.application.prospects.memory.InMemoryCompanies;
import io.columnline.application.prospects.memory.InMemoryContacts;
import io.columnline.application.prospects.memory.InMemoryRunContacts;
import io.columnline.application.publishing.contract.DossierExportsContract;
import io.columnline.application.publishing.port.out.Batches;
import io.columnline.application.publishing.port.out.DossierExports;
import io.columnline.application.publishing.port.out.Dossiers;
import io.columnline.application.shared.InMemoryTransactions;
import io.columnline.application.shared.Transactions;
import io.columnline.application.tenancy.memory.InMemoryClients;
import io.columnline.application.tenancy.port.out.Clients;
import io.columnline.application.tracking.memory.InMemoryRuns;
import io.columnline.application.tracking.port.out.Runs;

class InMemoryDossierExportsTest extends DossierExportsContract {
    private final InMemoryClients clients = new InMemoryClients();
    private final InMemoryRuns runs = new InMemoryRuns();
    private final InMemoryBatches batches = new InMemoryBatches(runs);
    private final InMemoryDossiers dossiers = new InMemoryDossiers(new InMemoryDossierLists());
    private final InMemoryContacts contacts = new InMemoryContacts(new InMemoryCompanies());
    private final InMemoryRunContacts runContacts = new InMemoryRunContacts(contacts);
    private final InMemoryDossierExports exports = new InMemoryDossierExports(dossiers, batches, runContacts);

    @Override
    protected DossierExports exports() {
        return exports;
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

    @Override
    protected Transactions transactions() {
        return new InMemoryTransactions();
    }

    @Override
    protected io.columnline.application.prospects.port.out.Contacts contacts() {
        return contacts;
    }

    @Override
    protected io.columnline.application.prospects.port.out.RunContacts runContacts() {
        return runContacts;
    }
}
