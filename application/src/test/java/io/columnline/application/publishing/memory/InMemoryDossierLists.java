package io.columnline.application.publishing.memory;

import io.columnline.application.publishing.port.out.DossierLists;
import io.columnline.application.shared.Cursor;
import io.columnline.application.shared.Page;
import io.columnline.application.shared.PageRequest;
import io.columnline.domain.client.ClientId;
import io.columnline.domain.dossier.DossierId;
import io.columnline.domain.dossier.DossierList;
import io.columnline.domain.dossier.ListId;
import io.columnline.domain.error.Invalid;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

public final class InMemoryDossierLists implements DossierLists {
    private static final Comparator<DossierList> BY_NAME = Comparator.comparing(
                    (DossierList l) -> DossierList.nameKey(l.name()))
            .thenComparing(l -> l.id().toString());

    private final Map<ListId, DossierList> lists = new LinkedHashMap<>();
    private final Map<DossierId, Set<ListId>> memberships = new LinkedHashMap<>();

    @Override
    public synchronized void insert(DossierList list) {
        if (lists.containsKey(list.id()) || byName(list.client(), list.name()).isPresent()) {
            throw new IllegalStateException("duplicate list " + list.name());
        }
        lists.put(list.id(), list);
    }

    @Override
    public synchronized Optional<DossierList> byId(ListId id) {
        return Optional.ofNullable(lists.get(id));
    }

    @Override
    public synchronized Optional<DossierList> byName(ClientId client, String name) {
        String key = DossierList.nameKey(name);
        return lists.values().stream()
                .filter(l -> l.client().equals(client)
                        && DossierList.nameKey(l.name()).equals(key))
                .findFirst();
    }

    @Override
    public synchronized Page<DossierList> list(ClientId client, PageRequest page) {
        Optional<DossierList> after = page.cursor().map(InMemoryDossierLists::position);
        List<DossierList> rows = lists.values().stream()
                .filter(l -> l.client().equals(client))
                .filter(l -> after.map(a -> BY_NAME.compare(a, l) < 0).orElse(true))
                .sorted(BY_NAME)
                .limit(page.limit() + 1L)
                .toList();
        return Page.fromLookahead(rows, page.limit(), l -> Cursor.of(DossierList.nameKey(l.name()), l.id().toString()));
    }

    private static DossierList position(Cursor cursor) {
        try {
            return new DossierList(
                    new ListId(java.util.UUID.fromString(cursor.value(1))),
                    new ClientId(new java.util.UUID(0, 0)),
                    cursor.value(0),
                    Instant.EPOCH);
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            throw new Invalid("cursor", "is not a cursor this API returned; pass next_cursor unchanged");
        }
    }

    @Override
    public synchronized boolean add(ClientId client, DossierId dossier, ListId list, Instant at) {
        return memberships.computeIfAbsent(dossier, d -> new LinkedHashSet<>()).add(list);
    }

    @Override
    public synchronized boolean remove(DossierId dossier, ListId list) {
        return memberships.getOrDefault(dossier, new LinkedHashSet<>()).remove(list);
    }

    @Override
    public synchronized Map<DossierId, List<DossierList>> ofDossiers(Collection<DossierId> dossiers) {
        Map<DossierId, List<DossierList>> on = new LinkedHashMap<>();
        for (DossierId dossier : dossiers) {
            List<DossierList> found = memberships.getOrDefault(dossier, Set.of()).stream()
                    .map(lists::get)
                    .sorted(BY_NAME)
                    .toList();
            if (!found.isEmpty()) {
                on.put(dossier, found);
            }
        }
        return on;
    }

    synchronized boolean isOn(DossierId dossier, ListId list) {
        return memberships.getOrDefault(dossier, Set.of()).contains(list);
    }
}
