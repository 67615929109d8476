package io.columnline.application.tenancy.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.columnline.application.shared.InMemoryTransactions;
import io.columnline.application.shared.MutableClock;
import io.columnline.application.shared.PageRequest;
import io.columnline.application.tenancy.memory.InMemoryApiKeys;
import io.columnline.application.tenancy.memory.InMemoryClients;
import io.columnline.application.tenancy.port.in.ClientAccess;
import io.columnline.application.tenancy.port.in.SaveClientUseCase;
import io.columnline.domain.access.ApiKeyId;
import io.columnline.domain.access.Caller;
import io.columnline.domain.client.ClientSlug;
import io.columnline.domain.error.Forbidden;
import io.columnline.domain.error.NotFound;
import io.columnline.domain.error.Unauthenticated;
import io.columnline.domain.json.JsonDocument;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The client and key use cases on the in-memory adapters. */
class ClientAndKeyServiceTest {
    private final MutableClock clock = MutableClock.at("2026-11-22T09:00:00Z");
    private final InMemoryClients clients = new InMemoryClients();
    private final InMemoryTransactions transactions = new InMemoryTransactions();
    private final ClientAccess access = new ClientAccessService(clients);
    private final ClientService service = new ClientService(clients, access, transactions, clock);
    private final ApiKeyService keys = new ApiKeyService(new InMemoryApiKeys(), access, transactions, clock);
    private final Caller admin = new Caller.Admin(ApiKeyId.random());

    private SaveClientUseCase.Saved save(Caller caller, String slug, String name, JsonDocument icp) {
        return service.save(
                new SaveClientUseCase.Command(caller, new ClientSlug(slug), name, null, icp, null, null, null));
    }

    @Test
    void profile_versions_grow_only_when_the_profile_changes() {
        save(admin, "acme", "Acme", null);
        save(admin, "acme", "Acme renamed", null);
        save(admin, "acme", null, new JsonDocument("{\"a\":1}"));
        save(admin, "acme", null, new JsonDocument("{\"a\":1}"));

        assertThat(service.profileVersions(admin, new ClientSlug("acme")))
                .extracting(v -> v.version())
                .containsExactly(2, 1);
        assertThat(service.get(admin, new ClientSlug("acme")).name()).isEqualTo("Acme renamed");
    }

    @Test
    void a_client_key_authenticates_as_its_client_and_sees_nothing_else() {
        save(admin, "acme", "Acme", null);
        save(admin, "other", "Other", null);
        var issued = keys.issue(admin, Optional.of(new ClientSlug("acme")));
        Caller caller = keys.authenticate(issued.secret());

        assertThat(service.get(caller, new ClientSlug("acme")).name()).isEqualTo("Acme");
        assertThatThrownBy(() -> service.get(caller, new ClientSlug("other"))).isInstanceOf(NotFound.class);
        assertThat(service.list(caller, PageRequest.first(10)).items())
                .extracting(c -> c.slug().value())
                .containsExactly("acme");
        assertThatThrownBy(() -> save(caller, "new", "New", null)).isInstanceOf(Forbidden.class);
        assertThatThrownBy(() -> save(caller, "other", "Mine now", null)).isInstanceOf(NotFound.class);
    }

    @Test
    void revoked_and_unknown_keys_do_not_authenticate() {
        var issued = keys.issue(admin, Optional.empty());
        keys.revoke(admin, issued.id());
        assertThatThrownBy(() -> keys.authenticate(issued.secret())).isInstanceOf(Unauthenticated.class);
        assertThatThrownBy(() -> keys.authenticate("cl_nope")).isInstanceOf(Unauthenticated.class);
        assertThatThrownBy(() -> keys.authenticate(null)).isInstanceOf(Unauthenticated.class);
    }

    @Test
    void the_first_admin_key_is_made_once_or_adopted_from_configuration() {
        Optional<String> made = keys.ensureAdminKey(Optional.empty());
        assertThat(made).isPresent();
        assertThat(keys.authenticate(made.get())).isInstanceOf(Caller.Admin.class);
        assertThat(keys.ensureAdminKey(Optional.empty())).isEmpty();

        var fresh = new ApiKeyService(new InMemoryApiKeys(), access, transactions, clock);
        assertThat(fresh.ensureAdminKey(Optional.of("configured-admin-key-0123456789")))
                .isEmpty();
        assertThat(fresh.authenticate("configured-admin-key-0123456789")).isInstanceOf(Caller.Admin.class);
    }
}
