package io.columnline.application.knowledge.memory;

import io.columnline.application.knowledge.port.out.KnowledgeDocuments;
import io.columnline.domain.client.ClientId;
import io.columnline.domain.knowledge.KnowledgeDocument;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Document versions in a list, answering as the PostgreSQL adapter does. */
public final class InMemoryKnowledgeDocuments implements KnowledgeDocuments {
    private final List<KnowledgeDocument> all = new ArrayList<>();

    @Override
    public synchronized boolean add(KnowledgeDocument d) {
        if (versions(d.client(), d.key()).stream().anyMatch(v -> v.version() == d.version())) {
            return false;
        }
        all.add(d);
        return true;
    }

    @Override
    public synchronized Optional<KnowledgeDocument> latest(ClientId client, String key) {
        return versions(client, key).stream().reduce((a, b) -> b);
    }

    @Override
    public synchronized List<KnowledgeDocument> versions(ClientId client, String key) {
        return all.stream()
                .filter(d -> d.client().equals(client) && d.key().equals(key))
                .sorted(Comparator.comparingInt(KnowledgeDocument::version))
                .toList();
    }

    @Override
    public synchronized List<KnowledgeDocument> latestOfClient(ClientId client) {
        Map<String, KnowledgeDocument> byKey = new TreeMap<>();
        for (KnowledgeDocument d : all) {
            if (d.client().equals(client)) {
                byKey.merge(d.key(), d, (a, b) -> a.version() >= b.version() ? a : b);
            }
        }
        return List.copyOf(byKey.values());
    }
}
