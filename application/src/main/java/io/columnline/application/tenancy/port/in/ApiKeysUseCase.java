package io.columnline.application.tenancy.port.in;

import io.columnline.domain.access.ApiKeyId;
import io.columnline.domain.access.Caller;
import io.columnline.domain.client.ClientSlug;
import java.util.Optional;

public interface ApiKeysUseCase {
    /** Issues a key for a client, or an admin key when no client is given. */
    IssuedKey issue(Caller caller, Optional<ClientSlug> client);

    void revoke(Caller caller, ApiKeyId id);

    /** Used by operators at the console: the CLI has the database, so it acts as admin. */
    IssuedKey issueAsOperator(Optional<ClientSlug> client);

    void revokeAsOperator(ApiKeyId id);

    /**
     * Makes sure an admin key exists: adopts {@code configured} when given, else creates one.
     * Returns the secret of a key made now, so it can be shown once.
     */
    Optional<String> ensureAdminKey(Optional<String> configured);

    /** The secret appears here and nowhere else, ever. */
    record IssuedKey(ApiKeyId id, String secret, Optional<ClientSlug> client) {}
}
