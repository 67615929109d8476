package io.columnline.application.port.out;

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

    /** Gives every contact of the run the dossier; answers them as stored now, oldest first. */
    List<Contact> attach(RunId run, DossierId dossier);
}
