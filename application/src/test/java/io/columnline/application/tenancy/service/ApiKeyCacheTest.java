package io.columnline.application.tenancy.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.columnline.application.shared.Fixtures;
import io.columnline.application.shared.InMemoryTransactions;
import io.columnline.application.shared.MutableClock;
import io.columnline.application.tenancy.memory.InMemoryApiKeys;
import io.columnline.application.tenancy.memory.InMemoryClients;
import io.columnline.application.tenancy.port.in.ApiKeysUseCase;
import io.columnline.domain.access.Caller;
import io.columnline.domain.client.ClientSlug;
import io.columnline.domain.error.Unauthenticated;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Authenticating remembers active keys briefly; revocation must still take effect. */
class ApiKeyCacheTest {
    private final MutableClock clock = new MutableClock(Fixtures.NOW);
    private final InMemoryClients clients = new InMemoryClients();
    private final InMemoryApiKeys keys = new InMemoryApiKeys();
    private final ApiKeyService here = service();
    private final ApiKeyService elsewhere = service();

    private ApiKeyService service() {
        return new ApiKeyService(keys, new ClientAccessService(clients), new InMemoryTransactions(), clock);
    }

    private ApiKeysUseCase.IssuedKey issued() {
        clients.save(Fixtures.client("acme"));
        return here.issueAsOperator(Optional.of(new ClientSlug("acme")));
    }

    @Test
    void a_key_revoked_by_the_same_service_is_refused_at_once() {
        var key = issued();
        Caller caller = here.authenticate(key.secret());
        assertThat(here.authenticate(key.secret())).isEqualTo(caller);
        here.revokeAsOperator(key.id());
        assertThatThrownBy(() -> here.authenticate(key.secret())).isInstanceOf(Unauthenticated.class);
    }

    @Test
    void a_key_revoked_elsewhere_stops_working_within_the_remembered_time() {
        var key = issued();
        here.authenticate(key.secret());
        elsewhere.revokeAsOperator(key.id());
        clock.advance(ApiKeyService.REMEMBER_FOR.plus(Duration.ofMillis(1)));
        assertThatThrownBy(() -> here.authenticate(key.secret())).isInstanceOf(Unauthenticated.class);
    }

    @Test
    void unknown_keys_are_never_remembered() {
        assertThatThrownBy(() -> here.authenticate("cl_not-a-key")).isInstanceOf(Unauthenticated.class);
        assertThatThrownBy(() -> here.authenticate("cl_not-a-key")).isInstanceOf(Unauthenticated.class);
    }
}
