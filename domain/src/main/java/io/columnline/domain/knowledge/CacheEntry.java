package io.columnline.domain.knowledge;

import io.columnline.domain.client.ClientId;
import io.columnline.domain.json.JsonDocument;
import io.columnline.domain.run.RunId;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * What a pipeline found about a topic, with what finding it cost. Never changed once stored, except
 * that it can be invalidated: a lookup then no longer answers it.
 */
public record CacheEntry(
        UUID id,
        ClientId client,
        String topic,
        String topicKey,
        String content,
        String contentSha256,
        Optional<RunId> run,
        BigDecimal costUsd,
        JsonDocument metadata,
        Instant createdAt,
        Optional<Instant> invalidatedAt) {
    public static final int MAX_CONTENT_LENGTH = 10_000_000;

    public CacheEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(topicKey, "topicKey");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(contentSha256, "contentSha256");
        Objects.requireNonNull(run, "run");
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(invalidatedAt, "invalidatedAt");
        if (topicKey.isEmpty()) {
            throw new IllegalArgumentException("a cache entry has a topic");
        }
        if (costUsd.signum() < 0) {
            throw new IllegalArgumentException("a cost is never negative");
        }
        BigDecimal stripped = costUsd.stripTrailingZeros();
        costUsd = stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    /** Whole days since the entry was stored. */
    public long ageDays(Instant now) {
        return Math.max(0, Duration.between(createdAt, now).toDays());
    }
}
