package io.columnline.application.prospects.port.in;

import io.columnline.domain.dossier.DossierId;
import io.columnline.domain.prospect.Contact;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** A dossier's contacts are its run's: read for dossiers the caller was already allowed to see. */
public interface DossierContacts {
    Map<DossierId, List<Contact>> ofDossiers(Collection<DossierId> dossiers);
}
