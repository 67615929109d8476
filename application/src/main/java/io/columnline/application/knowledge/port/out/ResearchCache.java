package io.columnline.application.knowledge.port.out;

import io.columnline.domain.client.ClientId;
import io.columnline.domain.knowledge.CacheEntry;
import io.columnline.domain.knowledge.CacheLookup;
import io.columnline.domain.run.CacheUse;
import io.columnline.domain.run.RunId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The research cache's entries, one vector per topic for matching by meaning, and the record of
 * every lookup. "Live" entries are those not invalidated.
 */
public interface ResearchCache {
    /** False, and nothing stored, when a live entry of the client's topic has the same content. */
    boolean add(CacheEntry entry);

    Optional<CacheEntry> byId(UUID id);

    /** A live entry of the client's topic with exactly this content (the newest, if several). */
    Optional<CacheEntry> sameContent(ClientId client, String topicKey, String contentSha256);

    /** Per topic key given, its newest live entry stored at or after {@code since}; keys without one are left out. */
    Map<String, CacheEntry> newest(ClientId client, Collection<String> topicKeys, Instant since);

    /** Invalidates a live entry; false when there was none. */
    boolean invalidate(UUID id, Instant at);

    /** Invalidates every live entry of the client's topic; how many there were. */
    int invalidateTopic(ClientId client, String topicKey, Instant at);

    /** Keeps the topic's vector in the model's space; a topic already there keeps its first one. */
    void addTopic(ClientId client, String topicKey, String model, float[] vector);

    boolean hasTopic(ClientId client, String topicKey, String model);

    /** The client's topic vectors of the model added after {@code afterSeq}, in the order they were added. */
    List<TopicVector> topicsAfter(ClientId client, String model, long afterSeq);

    void record(CacheLookup lookup);

    /** Lookups grouped by UTC day or by run (lookups without a run form one group), oldest first. */
    List<StatsRow> stats(Optional<ClientId> client, Optional<Instant> from, Optional<Instant> to, GroupBy groupBy);

    CacheUse ofRun(RunId run);

    /** {@code seq} grows with every topic added, per adapter. */
    record TopicVector(long seq, String topicKey, float[] vector) {}

    enum GroupBy {
        DAY,
        RUN
    }

    /** {@code group} is the day (yyyy-mm-dd) or the run id, or empty for lookups without a run. */
    record StatsRow(Optional<String> group, long lookups, long hits, BigDecimal savedUsd) {}
}
