package io.columnline.application.tenancy.service;

import io.columnline.application.shared.Page;
import io.columnline.application.shared.PageRequest;
import io.columnline.application.shared.Transactions;
import io.columnline.application.tenancy.port.in.ClientAccess;
import io.columnline.application.tenancy.port.in.ReadClientsUseCase;
import io.columnline.application.tenancy.port.in.SaveClientUseCase;
import io.columnline.application.tenancy.port.out.Clients;
import io.columnline.domain.access.Caller;
import io.columnline.domain.client.Client;
import io.columnline.domain.client.ClientId;
import io.columnline.domain.client.ClientProfile;
import io.columnline.domain.client.ClientSlug;
import io.columnline.domain.client.ProfileVersion;
import io.columnline.domain.error.Conflict;
import io.columnline.domain.error.NotFound;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

public final class ClientService implements SaveClientUseCase, ReadClientsUseCase {
    private final Clients clients;
    private final ClientAccess access;
    private final Transactions transactions;
    private final Clock clock;

    @Inject
    public ClientService(Clients clients, ClientAccess access, Transactions transactions, Clock clock) {
        this.clients = clients;
        this.access = access;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public Saved save(Command command) {
        var settings = Client.settings(
                command.name(),
                command.timezone(),
                command.rerunWebhookUrl(),
                command.externalId(),
                command.configs(),
                command.defaultPipeline());
        return transactions.inTransaction(() -> {
            Instant now = clock.instant();
            Optional<Client> existing = clients.bySlug(command.slug());
            if (existing.isEmpty()) {
                command.caller().requireAdmin();
                Client created = Client.create(
                        ClientId.random(), command.slug(), settings, profileFrom(command, ClientProfile.EMPTY), now);
                requireFreeExternalId(created);
                clients.save(created);
                clients.addProfileVersion(created.id(), new ProfileVersion(1, created.profile(), now));
                return new Saved(created, true);
            }
            Client before = existing.filter(c -> command.caller().canSee(c.id()))
                    .orElseThrow(() -> new NotFound("client", command.slug()));
            Client after = before.update(settings, profileFrom(command, before.profile()), now);
            if (!after.profileChangedFrom(before) && sameSettings(before, after)) {
                return new Saved(before, false);
            }
            requireFreeExternalId(after);
            clients.save(after);
            if (after.profileChangedFrom(before)) {
                clients.addProfileVersion(after.id(), new ProfileVersion(after.profileVersion(), after.profile(), now));
            }
            return new Saved(after, false);
        });
    }

    private static boolean sameSettings(Client before, Client after) {
        return before.name().equals(after.name())
                && before.timezone().equals(after.timezone())
                && before.rerunWebhookUrl().equals(after.rerunWebhookUrl())
                && before.externalId().equals(after.externalId())
                && before.configs().equals(after.configs())
                && before.defaultPipeline().equals(after.defaultPipeline());
    }

    /** Another client's external id is refused: an external id names one client. */
    private void requireFreeExternalId(Client client) {
        client.externalId()
                .flatMap(clients::byExternalId)
                .filter(other -> !other.id().equals(client.id()))
                .ifPresent(other -> {
                    throw new Conflict("external_id '" + client.externalId().get() + "' belongs to another client");
                });
    }

    private static ClientProfile profileFrom(Command command, ClientProfile current) {
        return new ClientProfile(
                command.icpConfig() == null ? current.icpConfig() : command.icpConfig(),
                command.industryResearch() == null ? current.industryResearch() : command.industryResearch(),
                command.researchContext() == null ? current.researchContext() : command.researchContext());
    }

    @Override
    public Client get(Caller caller, ClientSlug slug) {
        return access.visible(caller, slug);
    }

    @Override
    public Optional<Client> own(Caller caller) {
        return caller.ownClient().map(access::byId);
    }

    @Override
    public Page<Client> list(Caller caller, PageRequest page) {
        return clients.list(caller.ownClient(), page);
    }

    @Override
    public List<ProfileVersion> profileVersions(Caller caller, ClientSlug slug) {
        return clients.profileVersions(access.visible(caller, slug).id());
    }
}
