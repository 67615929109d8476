package io.columnline.domain.knowledge;

import io.columnline.domain.client.ClientId;
import io.columnline.domain.run.RunId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** One lookup of the research cache as it was answered: a hit saved the cost of the entry it found. */
public record CacheLookup(
        UUID id,
        ClientId client,
        String topicKey,
        Optional<RunId> run,
        Optional<CacheMatch> match,
        Optional<Double> similarity,
        Optional<UUID> entry,
        BigDecimal savedUsd,
        Instant at) {
    public CacheLookup {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(topicKey, "topicKey");
        Objects.requireNonNull(run, "run");
        Objects.requireNonNull(match, "match");
        Objects.requireNonNull(similarity, "similarity");
        Objects.requireNonNull(entry, "entry");
        Objects.requireNonNull(savedUsd, "savedUsd");
        Objects.requireNonNull(at, "at");
        if (match.isPresent() != entry.isPresent()) {
            throw new IllegalArgumentException("a hit names its entry and a miss names none");
        }
    }

    public boolean hit() {
        return match.isPresent();
    }
}
