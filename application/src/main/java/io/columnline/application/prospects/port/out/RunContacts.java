package io.columnline.application.prospects.port.out;

import io.columnline.domain.dossier.DossierId;
import io.columnline.domain.prospect.Contact;
import io.columnline.domain.run.RunId;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The contacts a run found and the dossier they were published with, read from the one contacts
 * store ({@link Contacts} writes them).
 */
public interface RunContacts {
    /** Oldest first (by creation, then id). */
    List<Contact> ofRun(RunId run);

    /** Each dossier's contacts, oldest first; dossiers without contacts are absent. */
    Map<DossierId, List<Contact>> ofDossiers(Collection<DossierId> dossiers);

    /**
     * Makes the run's contacts the dossier's (the dossier is the run's) and answers them, oldest
     * first. A dossier's contacts are always its run's, so storage may keep the link by the run
     * alone and write nothing here. Kept, although production code never calls it, for the in-memory
     * Publications: its contacts carry their dossier as a field, which a publish sets here.
     */
    List<Contact> attach(RunId run, DossierId dossier);
}
