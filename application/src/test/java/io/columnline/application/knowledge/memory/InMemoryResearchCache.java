package io.columnline.application.knowledge.memory;

import io.columnline.application.knowledge.port.out.ResearchCache;
import io.columnline.domain.client.ClientId;
import io.columnline.domain.knowledge.CacheEntry;
import io.columnline.domain.knowledge.CacheLookup;
import io.columnline.domain.run.CacheUse;
import io.columnline.domain.run.RunId;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The research cache in lists, answering as the PostgreSQL adapter does. */
public final class InMemoryResearchCache implements ResearchCache {
    private static final Comparator<CacheEntry> NEWEST_FIRST = Comparator.comparing(CacheEntry::createdAt)
            .thenComparing(CacheEntry::id)
            .reversed();

    private final Map<UUID, CacheEntry> entries = new LinkedHashMap<>();
    private final List<Topic> topics = new ArrayList<>();
    private final List<CacheLookup> lookups = new ArrayList<>();

    private record Topic(long seq, ClientId client, String key, String model, float[] vector) {}

    @Override
    public synchronized boolean add(CacheEntry entry) {
        if (entries.containsKey(entry.id())) {
            throw new IllegalStateException("entry " + entry.id() + " exists");
        }
        if (entry.invalidatedAt().isEmpty()
                && sameContent(entry.client(), entry.topicKey(), entry.contentSha256())
                        .isPresent()) {
            return false;
        }
        entries.put(entry.id(), entry);
        return true;
    }

    @Override
    public synchronized Optional<CacheEntry> byId(UUID id) {
        return Optional.ofNullable(entries.get(id));
    }

    @Override
    public synchronized Optional<CacheEntry> sameContent(ClientId client, String topicKey, String contentSha256) {
        return live(client, topicKey)
                .filter(e -> e.contentSha256().equals(contentSha256))
                .min(NEWEST_FIRST);
    }

    @Override
    public synchronized Map<String, CacheEntry> newest(ClientId client, Collection<String> topicKeys, Instant since) {
        Map<String, CacheEntry> found = new LinkedHashMap<>();
        for (String key : topicKeys) {
            live(client, key)
                    .filter(e -> !e.createdAt().isBefore(since))
                    .min(NEWEST_FIRST)
                    .ifPresent(e -> found.put(key, e));
        }
        return found;
    }

    private java.util.stream.Stream<CacheEntry> live(ClientId client, String topicKey) {
        return entries.values().stream()
                .filter(e -> e.client().equals(client)
                        && e.topicKey().equals(topicKey)
                        && e.invalidatedAt().isEmpty());
    }

    @Override
    public synchronized boolean invalidate(UUID id, Instant at) {
        CacheEntry e = entries.get(id);
        if (e == null || e.invalidatedAt().isPresent()) {
            return false;
        }
        entries.put(id, invalidated(e, at));
        return true;
    }

    @Override
    public synchronized int invalidateTopic(ClientId client, String topicKey, Instant at) {
        List<CacheEntry> hit = live(client, topicKey).toList();
        hit.forEach(e -> entries.put(e.id(), invalidated(e, at)));
        return hit.size();
    }

    private static CacheEntry invalidated(CacheEntry e, Instant at) {
        return new CacheEntry(
                e.id(),
                e.client(),
                e.topic(),
                e.topicKey(),
                e.content(),
                e.contentSha256(),
                e.run(),
                e.costUsd(),
                e.metadata(),
                e.createdAt(),
                Optional.of(at));
    }

    @Override
    public synchronized void addTopic(ClientId client, String topicKey, String model, float[] vector) {
        if (!hasTopic(client, topicKey, model)) {
            topics.add(new Topic(topics.size() + 1L, client, topicKey, model, vector.clone()));
        }
    }

    @Override
    public synchronized boolean hasTopic(ClientId client, String topicKey, String model) {
        return topics.stream()
                .anyMatch(t -> t.client().equals(client)
                        && t.key().equals(topicKey)
                        && t.model().equals(model));
    }

    @Override
    public synchronized List<TopicVector> topicsAfter(ClientId client, String model, long afterSeq) {
        return topics.stream()
                .filter(t -> t.client().equals(client) && t.model().equals(model) && t.seq() > afterSeq)
                .map(t -> new TopicVector(t.seq(), t.key(), t.vector().clone()))
                .toList();
    }

    @Override
    public synchronized void record(CacheLookup lookup) {
        lookups.add(lookup);
    }

    @Override
    public synchronized List<StatsRow> stats(
            Optional<ClientId> client, Optional<Instant> from, Optional<Instant> to, GroupBy groupBy) {
        Map<Optional<String>, long[]> counts = new LinkedHashMap<>();
        Map<Optional<String>, BigDecimal> saved = new LinkedHashMap<>();
        lookups.stream()
                .filter(l -> client.map(c -> c.equals(l.client())).orElse(true))
                .filter(l -> from.map(f -> !l.at().isBefore(f)).orElse(true))
                .filter(l -> to.map(t -> l.at().isBefore(t)).orElse(true))
                .sorted(Comparator.comparing(CacheLookup::at))
                .forEach(l -> {
                    Optional<String> group = groupBy == GroupBy.DAY
                            ? Optional.of(l.at().atOffset(ZoneOffset.UTC)
                                    .toLocalDate()
                                    .toString())
                            : l.run().map(RunId::toString);
                    long[] c = counts.computeIfAbsent(group, g -> new long[2]);
                    c[0]++;
                    c[1] += l.hit() ? 1 : 0;
                    saved.merge(group, l.savedUsd(), BigDecimal::add);
                });
        List<StatsRow> rows = new ArrayList<>();
        counts.forEach((group, c) -> rows.add(new StatsRow(group, c[0], c[1], amount(saved.get(group)))));
        if (groupBy == GroupBy.DAY) {
            rows.sort(Comparator.comparing(r -> r.group().orElse("")));
        }
        return rows;
    }

    @Override
    public synchronized CacheUse ofRun(RunId run) {
        List<CacheLookup> of =
                lookups.stream().filter(l -> l.run().equals(Optional.of(run))).toList();
        return new CacheUse(
                of.size(),
                of.stream().filter(CacheLookup::hit).count(),
                of.stream().map(CacheLookup::savedUsd).reduce(BigDecimal.ZERO, BigDecimal::add));
    }

    private static BigDecimal amount(BigDecimal amount) {
        BigDecimal stripped = amount.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
