package io.columnline.application.publishing.service;

import io.columnline.application.publishing.port.out.DossierLists;
import io.columnline.application.shared.Uuids;
import io.columnline.domain.client.ClientId;
import io.columnline.domain.dossier.DossierList;
import io.columnline.domain.dossier.ListId;
import io.columnline.domain.error.NotFound;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds a client's lists by id or name, and the Inbox every client has. Lists are never deleted,
 * so a client's Inbox, once read from storage, is remembered: every publish without lists needs it.
 */
@Singleton
public final class ListAccess {
    private final DossierLists lists;
    private final Clock clock;
    private final Map<ClientId, DossierList> inboxes = new ConcurrentHashMap<>();

    @Inject
    public ListAccess(DossierLists lists, Clock clock) {
        this.lists = lists;
        this.clock = clock;
    }

    /** A list of this client; another client's list is reported exactly like a missing one. */
    public DossierList ofClient(ClientId client, ListId id) {
        return lists.byId(id).filter(l -> l.client().equals(client)).orElseThrow(() -> new NotFound("list", id));
    }

    /** By id, or by name (without case). */
    public DossierList named(ClientId client, String idOrName) {
        Optional<UUID> id = Uuids.parse(idOrName.strip());
        if (id.isPresent()) {
            return ofClient(client, new ListId(id.get()));
        }
        if (DossierList.nameKey(idOrName).equals(DossierList.nameKey(DossierList.INBOX))) {
            return inbox(client);
        }
        return lists.byName(client, idOrName.strip()).orElseThrow(() -> new NotFound("list", idOrName));
    }

    /**
     * The client's Inbox, made on first use: two transactions making it at once clash in storage,
     * and the loser runs again and finds it.
     */
    public DossierList inbox(ClientId client) {
        DossierList known = inboxes.get(client);
        if (known != null) {
            return known;
        }
        Optional<DossierList> stored = lists.byName(client, DossierList.INBOX);
        if (stored.isPresent()) {
            // read, so committed: one made here is remembered only once a later call reads it
            inboxes.put(client, stored.get());
            return stored.get();
        }
        DossierList inbox = DossierList.inbox(client, clock.instant());
        lists.insert(inbox);
        return inbox;
    }
}
