package io.columnline.application.publishing.port.in;

import io.columnline.application.shared.Page;
import io.columnline.application.shared.PageRequest;
import io.columnline.domain.access.Caller;
import io.columnline.domain.dossier.DossierId;
import io.columnline.domain.dossier.DossierList;
import io.columnline.domain.dossier.ListId;
import java.util.List;
import java.util.Optional;

/** A client's dossier lists; the {@code Inbox} always exists. */
public interface DossierListsUseCase {
    /** {@code client} is a slug or id; a client key may leave it out. Ordered by name. */
    Page<DossierList> lists(Caller caller, Optional<String> client, PageRequest page);

    /** Creating a list whose name the client already uses (in any case) answers that list. */
    Created create(Caller caller, Optional<String> client, String name);

    /** Puts a dossier on a list of its client; answers every list the dossier is on now. */
    List<DossierList> add(Caller caller, DossierId dossier, ListId list);

    /** Takes a dossier off a list; taking it off a list it is not on changes nothing. */
    List<DossierList> remove(Caller caller, DossierId dossier, ListId list);

    record Created(DossierList list, boolean created) {}
}
