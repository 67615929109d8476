package io.columnline.application.service;

import io.columnline.application.port.out.Clients;
import io.columnline.domain.access.Caller;
import io.columnline.domain.client.Client;
import io.columnline.domain.client.ClientId;
import io.columnline.domain.client.ClientSlug;
import io.columnline.domain.error.NotFound;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.UUID;

/**
 * Finds the client a caller names, as every use case must: a client the caller may not see is
 * reported exactly like one that does not exist, so keys never learn about other tenants.
 */
public final class ClientAccess {
    private final Clients clients;

    @Inject
    public ClientAccess(Clients clients) {
        this.clients = clients;
    }

    public Client visible(Caller caller, ClientSlug slug) {
        return clients.bySlug(slug).filter(c -> caller.canSee(c.id())).orElseThrow(() -> new NotFound("client", slug));
    }

    public Client visible(Caller caller, ClientId id) {
        return clients.byId(id).filter(c -> caller.canSee(c.id())).orElseThrow(() -> new NotFound("client", id));
    }

    /**
     * The client a query names by slug or id; without a name, a client key's own client and, for an
     * admin, none.
     */
    public Optional<Client> named(Caller caller, Optional<String> slugOrId) {
        if (slugOrId.isEmpty()) {
            return caller.ownClient().map(id -> visible(caller, id));
        }
        String name = slugOrId.get().strip();
        Optional<UUID> id = uuid(name);
        return Optional.of(
                id.isPresent() ? visible(caller, new ClientId(id.get())) : visible(caller, new ClientSlug(name)));
    }

    private static Optional<UUID> uuid(String text) {
        try {
            return text.length() == 36 ? Optional.of(UUID.fromString(text)) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public Client byId(ClientId id) {
        return clients.byId(id).orElseThrow(() -> new NotFound("client", id));
    }
}
