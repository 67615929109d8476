package io.columnline.application.publishing.memory;

import io.columnline.application.prospects.memory.InMemoryRunContacts;
import io.columnline.application.publishing.port.out.Publications;
import io.columnline.application.tenancy.memory.InMemoryClients;
import io.columnline.application.tracking.memory.InMemoryRuns;
import io.columnline.domain.prospect.Contact;
import io.columnline.domain.run.RunId;
import java.util.List;
import java.util.Optional;

/** Reads and records a publication through the in-memory stores it touches, in the order publishing needs. */
public final class InMemoryPublications implements Publications {
    private final InMemoryDossiers dossiers;
    private final InMemoryDossierLists lists;
    private final InMemoryRuns runs;
    private final InMemoryRunContacts contacts;
    private final InMemoryClients clients;
    private final InMemoryBatches batches;
    private final InMemoryReruns reruns;

    public InMemoryPublications(
            InMemoryDossiers dossiers,
            InMemoryDossierLists lists,
            InMemoryRuns runs,
            InMemoryRunContacts contacts,
            InMemoryClients clients,
            InMemoryBatches batches,
            InMemoryReruns reruns) {
        this.dossiers = dossiers;
        this.lists = lists;
        this.runs = runs;
        this.contacts = contacts;
        this.clients = clients;
        this.batches = batches;
        this.reruns = reruns;
    }

    @Override
    public Optional<Subject> lockSubject(RunId run) {
        return runs.lock(run)
                .map(found -> new Subject(
                        found, clients.byId(found.client()).orElseThrow(), batches.ofRun(run), reruns.ofRun(run)));
    }

    @Override
    public synchronized List<Contact> record(Publication p) {
        dossiers.insert(p.dossier(), p.sections());
        p.superseded().ifPresent(dossiers::update);
        p.lists().forEach(list -> lists.add(p.dossier().client(), p.dossier().id(), list, p.at()));
        runs.update(p.run());
        return contacts.attach(p.run().id(), p.dossier().id());
    }
}
