package io.columnline.application.tenancy.service;

import io.columnline.application.shared.Uuids;
import io.columnline.application.tenancy.port.in.ClientAccess;
import io.columnline.application.tenancy.port.out.Clients;
import io.columnline.domain.access.Caller;
import io.columnline.domain.client.Client;
import io.columnline.domain.client.ClientId;
import io.columnline.domain.client.ClientSlug;
import io.columnline.domain.error.NotFound;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.UUID;

/** Clients as the caller may see them, read from storage on every call. */
public final class ClientAccessService implements ClientAccess {
    private final Clients clients;

    @Inject
    public ClientAccessService(Clients clients) {
        this.clients = clients;
    }

    @Override
    public Client visible(Caller caller, ClientSlug slug) {
        return clients.bySlug(slug).filter(c -> caller.canSee(c.id())).orElseThrow(() -> new NotFound("client", slug));
    }

    @Override
    public Client visible(Caller caller, ClientId id) {
        return clients.byId(id).filter(c -> caller.canSee(c.id())).orElseThrow(() -> new NotFound("client", id));
    }

    /**
     * The client a query names by slug, id or external id; without a name, a client key's own client and, for an
     * admin, none.
     */
    @Override
    public Optional<Client> named(Caller caller, Optional<String> slugOrId) {
        if (slugOrId.isEmpty()) {
            return caller.ownClient().map(id -> visible(caller, id));
        }
        String name = slugOrId.get().strip();
        Optional<UUID> id = Uuids.parse(name);
        if (id.isPresent()) {
            return Optional.of(visible(caller, new ClientId(id.get())));
        }
        if (!ClientSlug.isSlug(name)) {
            // the origin's CLT_EXAMPLE_001: an external id can look like neither a slug nor a UUID
            return Optional.of(clients.byExternalId(name)
                    .filter(c -> caller.canSee(c.id()))
                    .orElseThrow(() -> new NotFound("client", name)));
        }
        return Optional.of(visible(caller, new ClientSlug(name)));
    }

    @Override
    public Client byId(ClientId id) {
        return clients.byId(id).orElseThrow(() -> new NotFound("client", id));
    }
}
