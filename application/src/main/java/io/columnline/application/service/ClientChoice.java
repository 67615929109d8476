package io.columnline.application.service;

import io.columnline.domain.access.Caller;
import io.columnline.domain.client.Client;
import io.columnline.domain.client.ClientSlug;
import io.columnline.domain.error.Invalid;
import java.util.Optional;

/** The client a request is about: the one it names, or the caller's own when a client key names none. */
final class ClientChoice {
    private ClientChoice() {}

    static Client resolve(ClientAccess access, Caller caller, Optional<ClientSlug> named) {
        if (named.isPresent()) {
            return access.visible(caller, named.get());
        }
        return caller.ownClient()
                .map(own -> access.visible(caller, own))
                .orElseThrow(() -> new Invalid("client", "is required with an admin key: name the client's slug"));
    }
}
