package io.columnline.application.tenancy.memory;

import io.columnline.application.tenancy.port.out.ApiKeys;
import io.columnline.domain.access.ApiKey;
import io.columnline.domain.access.ApiKeyId;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

public final class InMemoryApiKeys implements ApiKeys {
    private final Map<ApiKeyId, ApiKey> keys = new ConcurrentHashMap<>();

    @Override
    public void insert(ApiKey key) {
        if (keys.values().stream().anyMatch(k -> k.hash().equals(key.hash()))) {
            throw new IllegalStateException("duplicate key hash");
        }
        keys.put(key.id(), key);
    }

    @Override
    public Optional<ApiKey> byHash(String hash) {
        return keys.values().stream().filter(k -> k.hash().equals(hash)).findFirst();
    }

    @Override
    public Optional<ApiKey> byId(ApiKeyId id) {
        return Optional.ofNullable(keys.get(id));
    }

    @Override
    public void revoke(ApiKeyId id, Instant at) {
        keys.computeIfPresent(
                id,
                (k, key) -> key.revokedAt().isPresent()
                        ? key
                        : new ApiKey(key.id(), key.hash(), key.client(), key.createdAt(), Optional.of(at)));
    }

    @Override
    public boolean anyActiveAdmin() {
        return keys.values().stream().anyMatch(k -> k.isAdmin() && k.isActive());
    }
}
