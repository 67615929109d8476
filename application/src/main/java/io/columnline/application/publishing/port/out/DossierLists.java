package io.columnline.application.publishing.port.out;

import io.columnline.application.shared.Page;
import io.columnline.application.shared.PageRequest;
import io.columnline.domain.client.ClientId;
import io.columnline.domain.dossier.DossierId;
import io.columnline.domain.dossier.DossierList;
import io.columnline.domain.dossier.ListId;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The named dossier lists of each client and which dossiers are on them. */
public interface DossierLists {
    /** Stores a new list; a second list of the client with the same name (in any case) is refused by storage. */
    void insert(DossierList list);

    Optional<DossierList> byId(ListId id);

    /** The client's list of that name, compared without case. */
    Optional<DossierList> byName(ClientId client, String name);

    /** Ordered by name (without case), then id. */
    Page<DossierList> list(ClientId client, PageRequest page);

    /** Puts the dossier on the list; false when it was on it already. */
    boolean add(ClientId client, DossierId dossier, ListId list, Instant at);

    /** Takes the dossier off the list; false when it was not on it. */
    boolean remove(DossierId dossier, ListId list);

    /** The lists each of the dossiers is on, ordered by name; dossiers on no list are absent. */
    Map<DossierId, List<DossierList>> ofDossiers(Collection<DossierId> dossiers);
}
