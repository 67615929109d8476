package io.columnline.application.tracking.port.out;

import io.columnline.domain.access.Caller;
import io.columnline.domain.dossier.ContactDraft;
import io.columnline.domain.run.RunId;
import java.util.List;

/**
 * Where the people a step's {@code contacts} effect found go: the run's contacts, kept by the
 * prospects area, which implements this port. Runs inside the completing step's transaction.
 */
public interface FoundContacts {
    /** Adds or updates the people as contacts of the run; answers how many are the run's contacts now. */
    int addFound(Caller caller, RunId run, List<ContactDraft> people);
}
