package io.columnline.domain.access;

import io.columnline.domain.client.ClientId;
import io.columnline.domain.error.Forbidden;
import java.util.Optional;

/** Who is asking: an admin key sees every client, a client key only its own. */
public sealed interface Caller {
    ApiKeyId keyId();

    boolean canSee(ClientId client);

    /** The one client a client key is bound to; empty for an admin. */
    Optional<ClientId> ownClient();

    default void requireAdmin() {
        if (!(this instanceof Admin)) {
            throw new Forbidden("this needs an admin key");
        }
    }

    record Admin(ApiKeyId keyId) implements Caller {
        @Override
        public boolean canSee(ClientId client) {
            return true;
        }

        @Override
        public Optional<ClientId> ownClient() {
            return Optional.empty();
        }
    }

    record OfClient(ApiKeyId keyId, ClientId client) implements Caller {
        @Override
        public boolean canSee(ClientId other) {
            return client.equals(other);
        }

        @Override
        public Optional<ClientId> ownClient() {
            return Optional.of(client);
        }
    }
}
