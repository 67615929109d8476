package io.columnline.application.knowledge.memory;

import io.columnline.application.knowledge.port.out.Artifacts;
import io.columnline.application.shared.Cursor;
import io.columnline.application.shared.Page;
import io.columnline.application.shared.PageRequest;
import io.columnline.domain.client.ClientId;
import io.columnline.domain.knowledge.Artifact;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Artifact versions in a list, answering as the PostgreSQL adapter does. */
public final class InMemoryArtifacts implements Artifacts {
    private final List<Artifact> all = new ArrayList<>();

    @Override
    public synchronized boolean add(Artifact a) {
        if (version(a.client(), a.key(), a.version()).isPresent()) {
            return false;
        }
        all.add(a);
        return true;
    }

    @Override
    public synchronized Optional<Artifact> latest(ClientId client, String key) {
        return of(client, key).stream().max(Comparator.comparingInt(Artifact::version));
    }

    @Override
    public synchronized Optional<Artifact> version(ClientId client, String key, int version) {
        return of(client, key).stream().filter(a -> a.version() == version).findFirst();
    }

    @Override
    public synchronized List<Artifact> versions(ClientId client, String key) {
        return of(client, key).stream()
                .sorted(Comparator.comparingInt(Artifact::version))
                .toList();
    }

    private List<Artifact> of(ClientId client, String key) {
        return all.stream()
                .filter(a -> a.client().equals(client) && a.key().equals(key))
                .toList();
    }

    private record Latest(Artifact artifact, Instant began) {
        String[] sortKey() {
            return new String[] {began.toString(), artifact.client().value().toString(), artifact.key()};
        }
    }

    @Override
    public synchronized Page<Artifact> list(Filter f, PageRequest page) {
        Map<String, Latest> latest = new LinkedHashMap<>();
        for (Artifact a : all) {
            if (f.client().isPresent() && !f.client().get().equals(a.client())) {
                continue;
            }
            String id = a.client().value() + " " + a.key();
            Latest before = latest.get(id);
            Instant began = before == null || a.createdAt().isBefore(before.began()) ? a.createdAt() : before.began();
            Artifact newest = before == null || a.version() > before.artifact().version() ? a : before.artifact();
            latest.put(id, new Latest(newest, began));
        }
        Comparator<Latest> order = Comparator.comparing(Latest::began)
                .thenComparing(l -> l.artifact().client().value())
                .thenComparing(l -> l.artifact().key());
        List<Latest> rows = latest.values().stream()
                .filter(l -> f.kind().map(k -> k.equals(l.artifact().kind())).orElse(true))
                .filter(l -> f.run()
                        .map(r -> l.artifact().run().equals(Optional.of(r)))
                        .orElse(true))
                .filter(l -> page.cursor()
                        .map(c -> order.compare(
                                        l,
                                        new Latest(
                                                new Artifact(
                                                        java.util.UUID.randomUUID(),
                                                        new ClientId(java.util.UUID.fromString(c.value(1))),
                                                        c.value(2),
                                                        1,
                                                        "x",
                                                        "text/plain",
                                                        Optional.of(""),
                                                        Optional.empty(),
                                                        "",
                                                        0,
                                                        Optional.empty(),
                                                        io.columnline.domain.json.JsonDocument.EMPTY_OBJECT,
                                                        Instant.parse(c.value(0))),
                                                Instant.parse(c.value(0))))
                                > 0)
                        .orElse(true))
                .sorted(order)
                .limit(page.limit() + 1L)
                .toList();
        return Page.fromLookahead(rows, page.limit(), l -> Cursor.of(l.sortKey()))
                .map(Latest::artifact);
    }
}
