package io.columnline.application.tenancy.port.out;

import io.columnline.application.shared.Page;
import io.columnline.application.shared.PageRequest;
import io.columnline.domain.client.Client;
import io.columnline.domain.client.ClientId;
import io.columnline.domain.client.ClientSlug;
import io.columnline.domain.client.ProfileVersion;
import java.util.List;
import java.util.Optional;

public interface Clients {
    Optional<Client> bySlug(ClientSlug slug);

    Optional<Client> byId(ClientId id);

    /** The client carrying this external id (the origin's {@code CLT_…}); external ids are unique. */
    Optional<Client> byExternalId(String externalId);

    /** Inserts a new client or overwrites the stored one with the same id. */
    void save(Client client);

    /** Clients ordered by slug; {@code only} narrows the list to one client when present. */
    Page<Client> list(Optional<ClientId> only, PageRequest page);

    void addProfileVersion(ClientId client, ProfileVersion version);

    /** Newest first. */
    List<ProfileVersion> profileVersions(ClientId client);
}
