package io.columnline.application.tenancy.memory;

import io.columnline.application.shared.Cursor;
import io.columnline.application.shared.Page;
import io.columnline.application.shared.PageRequest;
import io.columnline.application.tenancy.port.out.Clients;
import io.columnline.domain.client.Client;
import io.columnline.domain.client.ClientId;
import io.columnline.domain.client.ClientSlug;
import io.columnline.domain.client.ProfileVersion;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

public final class InMemoryClients implements Clients {
    private final Map<ClientId, Client> byId = new ConcurrentHashMap<>();
    private final Map<ClientId, List<ProfileVersion>> versions = new ConcurrentHashMap<>();

    @Override
    public Optional<Client> bySlug(ClientSlug slug) {
        return byId.values().stream().filter(c -> c.slug().equals(slug)).findFirst();
    }

    @Override
    public Optional<Client> byId(ClientId id) {
        return Optional.ofNullable(byId.get(id));
    }

    @Override
    public Optional<Client> byExternalId(String externalId) {
        return byId.values().stream()
                .filter(c -> c.externalId().equals(Optional.of(externalId)))
                .findFirst();
    }

    @Override
    public void save(Client client) {
        byId.merge(
                client.id(),
                client,
                (old, neu) -> new Client(
                        old.id(),
                        old.slug(),
                        neu.name(),
                        neu.timezone(),
                        neu.profile(),
                        neu.profileVersion(),
                        neu.rerunWebhookUrl(),
                        neu.externalId(),
                        neu.configs(),
                        old.createdAt(),
                        neu.updatedAt(),
                        neu.defaultPipeline()));
    }

    @Override
    public Page<Client> list(Optional<ClientId> only, PageRequest page) {
        String after = page.cursor().map(c -> c.value(0)).orElse("");
        List<Client> rows = byId.values().stream()
                .filter(c -> only.map(c.id()::equals).orElse(true))
                .filter(c -> c.slug().value().compareTo(after) > 0)
                .sorted(Comparator.comparing(c -> c.slug().value()))
                .limit(page.limit() + 1L)
                .toList();
        return Page.fromLookahead(rows, page.limit(), c -> Cursor.of(c.slug().value()));
    }

    @Override
    public void addProfileVersion(ClientId client, ProfileVersion version) {
        versions.computeIfAbsent(client, k -> new ArrayList<>()).add(version);
    }

    @Override
    public List<ProfileVersion> profileVersions(ClientId client) {
        return versions.getOrDefault(client, List.of()).stream()
                .sorted(Comparator.comparingInt(ProfileVersion::version).reversed())
                .toList();
    }
}
