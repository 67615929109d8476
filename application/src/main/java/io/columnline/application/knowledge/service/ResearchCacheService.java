package io.columnline.application.knowledge.service;

import io.columnline.application.knowledge.port.in.ResearchCacheUseCase;
import io.columnline.application.knowledge.port.out.Embedder;
import io.columnline.application.knowledge.port.out.ResearchCache;
import io.columnline.application.shared.Transactions;
import io.columnline.application.tenancy.port.in.ClientAccess;
import io.columnline.application.tracking.port.in.ReadRunsUseCase;
import io.columnline.domain.access.Caller;
import io.columnline.domain.client.Client;
import io.columnline.domain.client.ClientId;
import io.columnline.domain.client.ClientSlug;
import io.columnline.domain.error.NotFound;
import io.columnline.domain.error.Violations;
import io.columnline.domain.json.JsonDocument;
import io.columnline.domain.knowledge.CacheEntry;
import io.columnline.domain.knowledge.CacheLookup;
import io.columnline.domain.knowledge.CacheMatch;
import io.columnline.domain.knowledge.Topics;
import io.columnline.domain.run.RunId;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

@Singleton
public final class ResearchCacheService implements ResearchCacheUseCase {
    /** Topics compared per round of a semantic lookup, and rounds before it answers a miss. */
    static final int CANDIDATES = 16;

    static final int ROUNDS = 4;

    private final ClientAccess access;
    private final ReadRunsUseCase runs;
    private final ResearchCache cache;
    private final TopicIndex index;
    private final Embedder embedder;
    private final Transactions transactions;
    private final java.time.Clock clock;

    @Inject
    public ResearchCacheService(
            ClientAccess access,
            ReadRunsUseCase runs,
            ResearchCache cache,
            TopicIndex index,
            Embedder embedder,
            Transactions transactions,
            java.time.Clock clock) {
        this.access = access;
        this.runs = runs;
        this.cache = cache;
        this.index = index;
        this.embedder = embedder;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public Answer lookup(Lookup lookup) {
        Violations problems = new Violations();
        String key = topicKey(problems, lookup.topic());
        lookup.maxAgeDays().ifPresent(days -> {
            if (days < 1 || days > MAX_AGE_DAYS) {
                problems.add("max_age_days", "must be whole days from 1 to " + MAX_AGE_DAYS);
            }
        });
        lookup.similarity().ifPresent(s -> {
            if (!(s >= 0 && s <= 1)) {
                problems.add("similarity", "must be a number from 0 to 1");
            }
        });
        problems.throwIfAny();
        Client client = access.chosen(lookup.caller(), lookup.client());
        lookup.run().ifPresent(run -> runOf(lookup.caller(), client, run));
        Instant now = clock.instant();
        Instant since = now.minus(Duration.ofDays(lookup.maxAgeDays().orElse(DEFAULT_MAX_AGE_DAYS)));
        Answer answer = Optional.ofNullable(
                        cache.newest(client.id(), List.of(key), since).get(key))
                .map(e -> new Answer(Optional.of(CacheMatch.EXACT), Optional.of(1.0), Optional.of(e), now))
                .or(() -> lookup.similarity().flatMap(min -> semantic(client.id(), key, min, since, now)))
                .orElse(new Answer(Optional.empty(), Optional.empty(), Optional.empty(), now));
        cache.record(new CacheLookup(
                UUID.randomUUID(),
                client.id(),
                key,
                lookup.run(),
                answer.match(),
                answer.similarity(),
                answer.entry().map(CacheEntry::id),
                answer.entry().map(CacheEntry::costUsd).orElse(BigDecimal.ZERO),
                now));
        return answer;
    }

    /** The nearest topics first; the first of them with a live entry in the window answers. */
    private Optional<Answer> semantic(ClientId client, String key, double min, Instant since, Instant now) {
        float[] query = embedder.embed(List.of(key)).getFirst();
        List<TopicIndex.Scored> nearest = index.nearest(client, embedder.model(), query, min, CANDIDATES * ROUNDS);
        for (int from = 0; from < nearest.size(); from += CANDIDATES) {
            List<TopicIndex.Scored> round = nearest.subList(from, Math.min(nearest.size(), from + CANDIDATES));
            Map<String, CacheEntry> live = cache.newest(
                    client, round.stream().map(TopicIndex.Scored::topicKey).toList(), since);
            for (TopicIndex.Scored s : round) {
                CacheEntry e = live.get(s.topicKey());
                if (e != null) {
                    return Optional.of(new Answer(
                            Optional.of(CacheMatch.SEMANTIC), Optional.of(s.similarity()), Optional.of(e), now));
                }
            }
        }
        return Optional.empty();
    }

    @Override
    public Stored store(Store store) {
        Violations problems = new Violations();
        String key = topicKey(problems, store.topic());
        if (store.content().isEmpty()) {
            problems.add("content", "is empty: store what the research found");
        } else if (store.content().length() > CacheEntry.MAX_CONTENT_LENGTH) {
            problems.add("content", "is longer than " + CacheEntry.MAX_CONTENT_LENGTH + " characters");
        }
        store.costUsd().ifPresent(cost -> {
            if (cost.signum() < 0) {
                problems.add("cost_usd", "must not be negative");
            }
        });
        JsonDocument metadata = store.metadata().orElse(JsonDocument.EMPTY_OBJECT);
        if (!metadata.text().startsWith("{")) {
            problems.add("metadata", "must be a JSON object");
        }
        problems.throwIfAny();
        Client client = access.chosen(store.caller(), store.client());
        BigDecimal cost = store.costUsd()
                .orElseGet(() -> store.run()
                        .map(run -> runs.get(store.caller(), run).totals().costUsd())
                        .orElse(BigDecimal.ZERO));
        store.run().ifPresent(run -> runOf(store.caller(), client, run));
        boolean needsVector = !cache.hasTopic(client.id(), key, embedder.model());
        float[] vector = needsVector ? embedder.embed(List.of(key)).getFirst() : null;
        String sha256 = SourceService.sha256(store.content().getBytes(StandardCharsets.UTF_8));
        CacheEntry entry = new CacheEntry(
                UUID.randomUUID(),
                client.id(),
                store.topic().strip(),
                key,
                store.content(),
                sha256,
                store.run(),
                cost,
                metadata,
                clock.instant(),
                Optional.empty());
        return transactions.inTransaction(() -> {
            if (vector != null) {
                cache.addTopic(client.id(), key, embedder.model(), vector);
            }
            if (cache.add(entry)) {
                return new Stored(entry, true);
            }
            return new Stored(
                    cache.sameContent(client.id(), key, sha256)
                            .orElseThrow(() -> new IllegalStateException("the same content was refused and is gone")),
                    false);
        });
    }

    @Override
    public void delete(Caller caller, UUID id) {
        CacheEntry entry = cache.byId(id)
                .filter(e -> caller.canSee(e.client()) && e.invalidatedAt().isEmpty())
                .orElseThrow(() -> new NotFound("research cache entry", id));
        if (!cache.invalidate(entry.id(), clock.instant())) {
            throw new NotFound("research cache entry", id);
        }
    }

    @Override
    public int invalidate(Caller caller, Optional<ClientSlug> named, String topic) {
        Violations problems = new Violations();
        String key = topicKey(problems, topic);
        problems.throwIfAny();
        Client client = access.chosen(caller, named);
        return cache.invalidateTopic(client.id(), key, clock.instant());
    }

    @Override
    public Stats stats(Caller caller, StatsQuery query) {
        Violations problems = new Violations();
        ResearchCache.GroupBy by = ResearchCache.GroupBy.DAY;
        if (query.groupBy().isPresent()) {
            try {
                by = ResearchCache.GroupBy.valueOf(query.groupBy().get().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problems.add("group_by", "must be day or run");
            }
        }
        if (query.from().isPresent()
                && query.to().isPresent()
                && !query.from().get().isBefore(query.to().get())) {
            problems.add("to", "must be after from");
        }
        problems.throwIfAny();
        Optional<ClientId> client = access.named(caller, query.client()).map(Client::id);
        List<ResearchCache.StatsRow> rows = cache.stats(client, query.from(), query.to(), by);
        List<Group> groups = new ArrayList<>(rows.size());
        long lookups = 0;
        long hits = 0;
        BigDecimal saved = BigDecimal.ZERO;
        for (ResearchCache.StatsRow r : rows) {
            groups.add(new Group(r.group(), r.lookups(), r.hits(), r.savedUsd()));
            lookups += r.lookups();
            hits += r.hits();
            saved = saved.add(r.savedUsd());
        }
        BigDecimal stripped = saved.stripTrailingZeros();
        return new Stats(
                lookups,
                hits,
                stripped.scale() < 0 ? stripped.setScale(0) : stripped,
                by.name().toLowerCase(Locale.ROOT),
                groups);
    }

    /** The run must be the caller's to see and belong to the client the entry or lookup is for. */
    private void runOf(Caller caller, Client client, RunId run) {
        if (!runs.get(caller, run).run().client().equals(client.id())) {
            throw new NotFound("run", run);
        }
    }

    private static String topicKey(Violations problems, String topic) {
        if (topic == null) {
            problems.add("topic", "is required");
            return "";
        }
        if (topic.length() > Topics.MAX_LENGTH) {
            problems.add("topic", "is longer than " + Topics.MAX_LENGTH + " characters");
            return "";
        }
        String key = Topics.key(topic);
        if (key.isEmpty()) {
            problems.add("topic", "is empty: name what was researched");
        }
        return key;
    }
}
