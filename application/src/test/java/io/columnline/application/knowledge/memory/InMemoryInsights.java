package io.columnline.application.knowledge.memory;

import io.columnline.application.knowledge.port.out.Insights;
import io.columnline.application.shared.Cursor;
import io.columnline.application.shared.Page;
import io.columnline.application.shared.PageRequest;
import io.columnline.domain.client.ClientId;
import io.columnline.domain.knowledge.Insight;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Insights in maps, answering as the PostgreSQL adapter does. */
public final class InMemoryInsights implements Insights {
    private static final Comparator<Insight> ORDER =
            Comparator.comparing(Insight::createdAt).thenComparing(Insight::id);

    private final Map<UUID, Insight> current = new LinkedHashMap<>();
    private final Map<UUID, List<Insight.Version>> versions = new LinkedHashMap<>();

    @Override
    public synchronized void save(Insight insight) {
        if (insight.version() == 1) {
            boolean taken = current.values().stream()
                    .anyMatch(i -> i.client().equals(insight.client())
                            && i.type().equals(insight.type())
                            && i.titleKey().equals(insight.titleKey()));
            if (taken || current.containsKey(insight.id())) {
                throw new IllegalStateException("insight exists");
            }
        } else if (!current.containsKey(insight.id())) {
            return;
        }
        current.put(insight.id(), insight);
        versions.computeIfAbsent(insight.id(), id -> new ArrayList<>()).add(Insight.Version.of(insight));
    }

    @Override
    public synchronized Optional<Insight> byId(UUID id) {
        return Optional.ofNullable(current.get(id));
    }

    @Override
    public synchronized Optional<Insight> byKeyForUpdate(ClientId client, String type, String titleKey) {
        return current.values().stream()
                .filter(i -> i.client().equals(client)
                        && i.type().equals(type)
                        && i.titleKey().equals(titleKey))
                .findFirst();
    }

    @Override
    public synchronized List<Insight.Version> history(UUID id) {
        return List.copyOf(versions.getOrDefault(id, List.of()));
    }

    @Override
    public synchronized Page<Insight> list(Filter f, PageRequest page) {
        Optional<Insight> after = page.cursor()
                .map(c -> new Insight(
                        UUID.fromString(c.value(1)),
                        new ClientId(UUID.randomUUID()),
                        "x",
                        "x",
                        "x",
                        "x",
                        0,
                        List.of(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        1,
                        Instant.parse(c.value(0)),
                        Instant.parse(c.value(0))));
        List<Insight> rows = current.values().stream()
                .filter(i -> f.client().map(c -> c.equals(i.client())).orElse(true))
                .filter(i -> f.type().map(t -> t.equals(i.type())).orElse(true))
                .filter(i -> f.tag().map(t -> i.tags().contains(t)).orElse(true))
                .filter(i -> f.minConfidence().map(m -> i.confidence() >= m).orElse(true))
                .filter(i ->
                        f.source().map(s -> i.source().equals(Optional.of(s))).orElse(true))
                .filter(i -> f.run().map(r -> i.run().equals(Optional.of(r))).orElse(true))
                .filter(i -> f.companyDomain()
                        .map(d -> i.companyDomain().equals(Optional.of(d)))
                        .orElse(true))
                .filter(i -> f.since().map(s -> !i.updatedAt().isBefore(s)).orElse(true))
                .filter(i -> after.map(a -> ORDER.compare(i, a) > 0).orElse(true))
                .sorted(ORDER)
                .limit(page.limit() + 1L)
                .toList();
        return Page.fromLookahead(
                rows, page.limit(), i -> Cursor.of(i.createdAt().toString(), i.id().toString()));
    }

    @Override
    public synchronized boolean delete(UUID id) {
        versions.remove(id);
        return current.remove(id) != null;
    }
}
