package io.columnline.application.prospects.memory;

import io.columnline.application.prospects.port.out.RunContacts;
import io.columnline.domain.dossier.DossierId;
import io.columnline.domain.prospect.Contact;
import io.columnline.domain.run.RunId;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads and attaches the in-memory contacts, the same rows {@link InMemoryContacts} writes. */
public final class InMemoryRunContacts implements RunContacts {
    private static final Comparator<Contact> OLDEST_FIRST =
            Comparator.comparing(Contact::createdAt).thenComparing(c -> c.id().toString());

    private final InMemoryContacts contacts;

    public InMemoryRunContacts(InMemoryContacts contacts) {
        this.contacts = contacts;
    }

    @Override
    public List<Contact> ofRun(RunId run) {
        return contacts.rows.values().stream()
                .filter(c -> c.runId().equals(Optional.of(run.value())))
                .sorted(OLDEST_FIRST)
                .toList();
    }

    @Override
    public Map<DossierId, List<Contact>> ofDossiers(Collection<DossierId> dossiers) {
        Map<DossierId, List<Contact>> found = new LinkedHashMap<>();
        for (DossierId dossier : dossiers) {
            List<Contact> of = contacts.rows.values().stream()
                    .filter(c -> c.dossierId().equals(Optional.of(dossier.value())))
                    .sorted(OLDEST_FIRST)
                    .toList();
            if (!of.isEmpty()) {
                found.put(dossier, of);
            }
        }
        return found;
    }

    @Override
    public synchronized List<Contact> attach(RunId run, DossierId dossier) {
        for (Contact c : ofRun(run)) {
            contacts.rows.put(
                    c.id(),
                    new Contact(
                            c.id(),
                            c.client(),
                            c.companyId(),
                            c.runId(),
                            Optional.of(dossier.value()),
                            c.values(),
                            c.createdAt(),
                            c.updatedAt()));
        }
        return ofRun(run);
    }
}
