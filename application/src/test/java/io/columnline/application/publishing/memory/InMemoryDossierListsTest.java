package io.columnline.application.publishing.memory;

import io.columnline.application.publishing.contract.DossierListsContract;
import io.columnline.application.publishing.port.out.Batches;
import io.columnline.application.publishing.port.out.DossierLists;
import io.columnline.application.publishing.port.out.Dossiers;
import io.columnline.application.tenancy.memory.InMemoryClients;
import io.columnline.application.tenancy.port.out.Clients;
import io.columnline.application.tracking.memory.InMemoryRuns;
import io.columnline.application.tracking.port.out.Runs;

class InMemoryDossierListsTest extends DossierListsContract {
    private final InMemoryClients clients = new InMemoryClients();
    private final InMemoryRuns runs = new InMemoryRuns();
    private final InMemoryBatches batches = new InMemoryBatches(runs);
    private final InMemoryDossierLists lists = new InMemoryDossierLists();
    private final InMemoryDossiers dossiers = new InMemoryDossiers(lists);

    @Override
    protected DossierLists lists() {
        return lists;
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
