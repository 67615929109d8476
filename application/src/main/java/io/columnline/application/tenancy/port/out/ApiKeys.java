package io.columnline.application.tenancy.port.out;

import io.columnline.domain.access.ApiKey;
import io.columnline.domain.access.ApiKeyId;
import java.time.Instant;
import java.util.Optional;

public interface ApiKeys {
    void insert(ApiKey key);

    Optional<ApiKey> byHash(String hash);

    Optional<ApiKey> byId(ApiKeyId id);

    /** Marks the key revoked; revoking twice keeps the first time. */
    void revoke(ApiKeyId id, Instant at);

    boolean anyActiveAdmin();
}
