package io.columnline.application.memory;

import io.columnline.application.contract.DossiersContract;
import io.columnline.application.port.out.Batches;
import io.columnline.application.port.out.Clients;
import io.columnline.application.port.out.DossierLists;
import io.columnline.application.port.out.Dossiers;
import io.columnline.application.port.out.Runs;

class InMemoryDossiersTest extends DossiersContract {
    private final InMemoryClients clients = new InMemoryClients();
    private final InMemoryRuns runs = new InMemoryRuns();
    private final InMemoryBatches batches = new InMemoryBatches(runs);
    private final InMemoryDossierLists lists = new InMemoryDossierLists();
    private final InMemoryDossiers dossiers = new InMemoryDossiers(lists);

    @Override
    protected Dossiers dossiers() {
        return dossiers;
    }

    @Override
    protected DossierLists lists() {
        return lists;
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
