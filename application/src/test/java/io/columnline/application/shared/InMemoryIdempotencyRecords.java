package io.columnline.application.shared;

import io.columnline.domain.access.ApiKeyId;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

public final class InMemoryIdempotencyRecords implements IdempotencyRecords {
    private record Id(ApiKeyId owner, String key) {}

    private record Entry(String fingerprint, Instant createdAt, StoredResponse response) {}

    private final Map<Id, Entry> entries = new ConcurrentHashMap<>();

    @Override
    public Claim claim(ApiKeyId owner, String key, String fingerprint, Instant now, Instant abandonedBefore) {
        Entry fresh = new Entry(fingerprint, now, null);
        Entry existing = entries.putIfAbsent(new Id(owner, key), fresh);
        if (existing == null) {
            return new Claim.Claimed();
        }
        if (!existing.fingerprint().equals(fingerprint)) {
            return new Claim.DifferentRequest();
        }
        if (existing.response() != null) {
            return new Claim.Replay(existing.response());
        }
        if (existing.createdAt().isBefore(abandonedBefore) && entries.replace(new Id(owner, key), existing, fresh)) {
            return new Claim.Claimed();
        }
        return new Claim.InFlight();
    }

    @Override
    public void complete(ApiKeyId owner, String key, StoredResponse response) {
        entries.computeIfPresent(new Id(owner, key), (id, e) -> new Entry(e.fingerprint(), e.createdAt(), response));
    }

    @Override
    public void release(ApiKeyId owner, String key) {
        entries.computeIfPresent(new Id(owner, key), (id, e) -> e.response() == null ? null : e);
    }

    @Override
    public int purgeCreatedBefore(Instant cutoff) {
        int before = entries.size();
        entries.values().removeIf(e -> e.createdAt().isBefore(cutoff));
        return before - entries.size();
    }
}
