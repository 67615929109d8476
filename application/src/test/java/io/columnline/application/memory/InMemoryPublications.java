package io.columnline.application.memory;

import io.columnline.application.port.out.Publications;
import io.columnline.domain.prospect.Contact;
import java.util.List;

/** Records a publication through the in-memory stores it touches, in the order publishing needs. */
public final class InMemoryPublications implements Publications {
    private final InMemoryDossiers dossiers;
    private final InMemoryDossierLists lists;
    private final InMemoryRuns runs;
    private final InMemoryRunContacts contacts;

    public InMemoryPublications(
            InMemoryDossiers dossiers, InMemoryDossierLists lists, InMemoryRuns runs, InMemoryRunContacts contacts) {
        this.dossiers = dossiers;
        this.lists = lists;
        this.runs = runs;
        this.contacts = contacts;
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
