package io.columnline.application.knowledge.port.in;

import io.columnline.domain.access.Caller;
import io.columnline.domain.client.ClientSlug;
import io.columnline.domain.json.JsonDocument;
import io.columnline.domain.knowledge.CacheEntry;
import io.columnline.domain.knowledge.CacheMatch;
import io.columnline.domain.run.RunId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The research cache: a pipeline looks a topic up before it researches it, and stores what it found
 * with what finding it cost. Every lookup is recorded, so what the cache saved is known.
 */
public interface ResearchCacheUseCase {
    int DEFAULT_MAX_AGE_DAYS = 7;
    int MAX_AGE_DAYS = 3650;

    /** Never refuses a well-formed lookup: a miss is an answer too. */
    Answer lookup(Lookup lookup);

    Stored store(Store store);

    /** Invalidates one entry; 404 when it is not the caller's or already invalidated. */
    void delete(Caller caller, UUID id);

    /** Invalidates the live entries of the client's topic; how many there were. */
    int invalidate(Caller caller, Optional<ClientSlug> client, String topic);

    Stats stats(Caller caller, StatsQuery query);

    /** {@code similarity} in 0..1 asks for the nearest topic by meaning when the exact one misses. */
    record Lookup(
            Caller caller,
            Optional<ClientSlug> client,
            String topic,
            Optional<Integer> maxAgeDays,
            Optional<RunId> run,
            Optional<Double> similarity) {}

    /** A miss has no match, similarity or entry. An exact hit has similarity 1. */
    record Answer(Optional<CacheMatch> match, Optional<Double> similarity, Optional<CacheEntry> entry, Instant asOf) {
        public boolean hit() {
            return entry.isPresent();
        }
    }

    /** Without {@code costUsd}, the entry costs what the run's steps have cost so far. */
    record Store(
            Caller caller,
            Optional<ClientSlug> client,
            String topic,
            String content,
            Optional<RunId> run,
            Optional<BigDecimal> costUsd,
            Optional<JsonDocument> metadata) {}

    /** {@code created} false: the topic had this content already, and that entry is answered. */
    record Stored(CacheEntry entry, boolean created) {}

    /** {@code groupBy} is day or run; {@code to} is exclusive. */
    record StatsQuery(
            Optional<String> client, Optional<Instant> from, Optional<Instant> to, Optional<String> groupBy) {}

    record Stats(long lookups, long hits, BigDecimal savedUsd, String groupBy, List<Group> groups) {
        public double hitRate() {
            return lookups == 0 ? 0 : (double) hits / lookups;
        }
    }

    record Group(Optional<String> key, long lookups, long hits, BigDecimal savedUsd) {
        public double hitRate() {
            return lookups == 0 ? 0 : (double) hits / lookups;
        }
    }
}
