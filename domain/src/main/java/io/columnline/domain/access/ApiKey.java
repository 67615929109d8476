package io.columnline.domain.access;

import io.columnline.domain.client.ClientId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** A stored key: only its hash is kept; the secret is shown once when it is made. */
public record ApiKey(
        ApiKeyId id, String hash, Optional<ClientId> client, Instant createdAt, Optional<Instant> revokedAt) {

    public ApiKey {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(revokedAt, "revokedAt");
    }

    public boolean isAdmin() {
        return client.isEmpty();
    }

    public boolean isActive() {
        return revokedAt.isEmpty();
    }

    public Caller asCaller() {
        return client.<Caller>map(c -> new Caller.OfClient(id, c)).orElseGet(() -> new Caller.Admin(id));
    }
}
