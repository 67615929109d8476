package io.columnline.adapters.postgres.prospects;

import io.columnline.adapters.postgres.shared.ContactRows;
import io.columnline.adapters.postgres.shared.JdbiSession;
import io.columnline.application.prospects.port.out.RunContacts;
import io.columnline.domain.dossier.DossierId;
import io.columnline.domain.prospect.Contact;
import io.columnline.domain.run.RunId;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** Reads the contacts table by run; a dossier's contacts are its run's (the contacts_run index). */
final class JdbiRunContacts implements RunContacts {
    /** Over {@code contacts k LEFT JOIN dossiers d ON d.run_id = k.run_id}: a contact's dossier is its run's. */
    private static final String COLUMNS = ContactRows.columns("d.id");

    private final JdbiSession session;

    @Inject
    JdbiRunContacts(JdbiSession session) {
        this.session = session;
    }

    @Override
    public List<Contact> ofRun(RunId run) {
        return session.withHandle(
                h -> h.createQuery("SELECT " + COLUMNS + " FROM contacts k LEFT JOIN dossiers d ON d.run_id = k.run_id"
                                + " WHERE k.run_id = :run ORDER BY k.created_at, k.id")
                        .bind("run", run.value())
                        .map((rs, ctx) -> ContactRows.contact(rs))
                        .list());
    }

    @Override
    public Map<DossierId, List<Contact>> ofDossiers(Collection<DossierId> dossiers) {
        if (dossiers.isEmpty()) {
            return Map.of();
        }
        List<Contact> found = session.withHandle(
                h -> h.createQuery("SELECT " + COLUMNS + " FROM dossiers d JOIN contacts k ON k.run_id = d.run_id"
                                + " WHERE d.id = ANY(CAST(:dossiers AS uuid[])) ORDER BY k.created_at, k.id")
                        .bindArray(
                                "dossiers",
                                UUID.class,
                                dossiers.stream().map(DossierId::value).toList())
                        .map((rs, ctx) -> ContactRows.contact(rs))
                        .list());
        return found.stream()
                .collect(Collectors.groupingBy(
                        c -> new DossierId(c.dossierId().orElseThrow()), LinkedHashMap::new, Collectors.toList()));
    }

    /** A contact belongs to the dossier of its run, so there is nothing to write: the run's contacts are its. */
    @Override
    public List<Contact> attach(RunId run, DossierId dossier) {
        return ofRun(run);
    }
}
