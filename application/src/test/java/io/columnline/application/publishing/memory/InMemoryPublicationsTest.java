package io.columnline.application.publishing.memory;

import io.columnline.application.prospects.memory.InMemoryCompanies;
import io.columnline.application.prospects.memory.InMemoryContacts;
import io.columnline.application.prospects.memory.InMemoryRunContacts;
import io.columnline.application.prospects.port.out.Contacts;
import io.columnline.application.prospects.port.out.RunContacts;
import io.columnline.application.publishing.contract.PublicationsContract;
import io.columnline.application.publishing.port.out.Batches;
import io.columnline.application.publishing.port.out.DossierLists;
import io.columnline.application.publishing.port.out.Dossiers;
import io.columnline.application.publishing.port.out.Publications;
import io.columnline.application.publishing.port.out.Reruns;
import io.columnline.application.tenancy.memory.InMemoryClients;
import io.columnline.application.tenancy.port.out.Clients;
import io.columnline.application.tracking.memory.InMemoryRuns;
import io.columnline.application.tracking.port.out.Runs;

class InMemoryPublicationsTest extends PublicationsContract {
    private final InMemoryClients clients = new InMemoryClients();
    private final InMemoryRuns runs = new InMemoryRuns();
    private final InMemoryBatches batches = new InMemoryBatches(runs);
    private final InMemoryDossierLists lists = new InMemoryDossierLists();
    private final InMemoryDossiers dossiers = new InMemoryDossiers(lists);
    private final InMemoryContacts contacts = new InMemoryContacts(new InMemoryCompanies());
    private final InMemoryRunContacts runContacts = new InMemoryRunContacts(contacts);
    private final InMemoryReruns reruns = new InMemoryReruns();
    private final InMemoryPublications publications =
            new InMemoryPublications(dossiers, lists, runs, runContacts, clients, batches, reruns);

    @Override
    protected Publications publications() {
        return publications;
    }

    @Override
    protected Dossiers dossiers() {
        return dossiers;
    }

    @Override
    protected DossierLists lists() {
        return lists;
    }

    @Override
    protected Runs runs() {
        return runs;
    }

    @Override
    protected RunContacts runContacts() {
        return runContacts;
    }

    @Override
    protected Contacts contacts() {
        return contacts;
    }

    @Override
    protected Batches batches() {
        return batches;
    }

    @Override
    protected Clients clients() {
        return clients;
    }

    @Override
    protected Reruns reruns() {
        return reruns;
    }
}
