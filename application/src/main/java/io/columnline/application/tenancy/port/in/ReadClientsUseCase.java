package io.columnline.application.tenancy.port.in;

import io.columnline.application.shared.Page;
import io.columnline.application.shared.PageRequest;
import io.columnline.domain.access.Caller;
import io.columnline.domain.client.Client;
import io.columnline.domain.client.ClientSlug;
import io.columnline.domain.client.ProfileVersion;
import java.util.List;
import java.util.Optional;

public interface ReadClientsUseCase {
    Client get(Caller caller, ClientSlug slug);

    /** A client key's own client; none for an admin key, which sees every client. */
    Optional<Client> own(Caller caller);

    Page<Client> list(Caller caller, PageRequest page);

    List<ProfileVersion> profileVersions(Caller caller, ClientSlug slug);
}
