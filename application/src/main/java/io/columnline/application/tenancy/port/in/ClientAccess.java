package io.columnline.application.tenancy.port.in;

import io.columnline.domain.access.Caller;
import io.columnline.domain.client.Client;
import io.columnline.domain.client.ClientId;
import io.columnline.domain.client.ClientSlug;
import io.columnline.domain.error.Invalid;
import java.util.Optional;

/**
 * Finds the client a caller names, as every use case must: a client the caller may not see is
 * reported exactly like one that does not exist, so keys never learn about other tenants.
 */
public interface ClientAccess {
    Client visible(Caller caller, ClientSlug slug);

    Client visible(Caller caller, ClientId id);

    /**
     * The client a query names by slug or id; without a name, a client key's own client and, for an
     * admin, none.
     */
    Optional<Client> named(Caller caller, Optional<String> slugOrId);

    /** A client another stored record points at, so no caller check. */
    Client byId(ClientId id);

    /** The client a request is about: the one it names, or the caller's own when a client key names none. */
    default Client chosen(Caller caller, Optional<ClientSlug> named) {
        if (named.isPresent()) {
            return visible(caller, named.get());
        }
        return caller.ownClient()
                .map(own -> visible(caller, own))
                .orElseThrow(() -> new Invalid("client", "is required with an admin key: name the client's slug"));
    }
}
