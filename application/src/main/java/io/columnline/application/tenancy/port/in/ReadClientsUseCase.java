package io.columnline.application.tenancy.port.in;

import io.columnline.application.shared.Page;
import io.columnline.application.shared.PageRequest;
import io.columnline.domain.access.Caller;
import io.columnline.domain.client.Client;
import io.columnline.domain.client.ClientSlug;
import io.columnline.domain.client.ProfileVersion;
import java.util.List;

public interface ReadClientsUseCase {
    Client get(Caller caller, ClientSlug slug);

    Page<Client> list(Caller caller, PageRequest page);

    List<ProfileVersion> profileVersions(Caller caller, ClientSlug slug);
}
