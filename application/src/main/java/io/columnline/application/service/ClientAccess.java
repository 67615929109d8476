package io.columnline.application.service;

import io.columnline.application.port.out.Clients;
import io.columnline.domain.access.Caller;
import io.columnline.domain.client.Client;
import io.columnline.domain.client.ClientId;
import io.columnline.domain.client.ClientSlug;
import io.columnline.domain.error.NotFound;
import jakarta.inject.Inject;

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
    return clients
        .bySlug(slug)
        .filter(c -> caller.canSee(c.id()))
        .orElseThrow(() -> new NotFound("client", slug));
  }

  public Client visible(Caller caller, ClientId id) {
    return clients
        .byId(id)
        .filter(c -> caller.canSee(c.id()))
        .orElseThrow(() -> new NotFound("client", id));
  }

  public Client byId(ClientId id) {
    return clients.byId(id).orElseThrow(() -> new NotFound("client", id));
  }
}
