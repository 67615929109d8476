package io.columnline.application.tenancy.contract;

import static io.columnline.application.shared.Fixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import io.columnline.application.shared.Fixtures;
import io.columnline.application.tenancy.port.out.ApiKeys;
import io.columnline.application.tenancy.port.out.Clients;
import io.columnline.domain.access.ApiKey;
import io.columnline.domain.access.ApiKeyId;
import io.columnline.domain.client.Client;
import java.util.Optional;
import org.junit.jupiter.api.Test;

public abstract class ApiKeysContract {
    protected abstract ApiKeys apiKeys();

    protected abstract Clients clients();

    @Test
    void a_key_is_found_by_hash_and_id() {
        Client client = Fixtures.client("acme");
        clients().save(client);
        var key = new ApiKey(ApiKeyId.random(), "hash-1", Optional.of(client.id()), NOW, Optional.empty());
        apiKeys().insert(key);

        assertThat(apiKeys().byHash("hash-1")).contains(key);
        assertThat(apiKeys().byId(key.id())).contains(key);
        assertThat(apiKeys().byHash("hash-2")).isEmpty();
    }

    @Test
    void revoking_keeps_the_first_revocation_time() {
        var key = new ApiKey(ApiKeyId.random(), "hash-1", Optional.empty(), NOW, Optional.empty());
        apiKeys().insert(key);
        apiKeys().revoke(key.id(), NOW.plusSeconds(10));
        apiKeys().revoke(key.id(), NOW.plusSeconds(20));

        assertThat(Fixtures.present(apiKeys().byId(key.id())).revokedAt()).contains(NOW.plusSeconds(10));
    }

    @Test
    void an_active_admin_is_one_without_client_and_not_revoked() {
        Client client = Fixtures.client("acme");
        clients().save(client);
        assertThat(apiKeys().anyActiveAdmin()).isFalse();
        apiKeys().insert(new ApiKey(ApiKeyId.random(), "c", Optional.of(client.id()), NOW, Optional.empty()));
        assertThat(apiKeys().anyActiveAdmin()).isFalse();
        var admin = new ApiKey(ApiKeyId.random(), "a", Optional.empty(), NOW, Optional.empty());
        apiKeys().insert(admin);
        assertThat(apiKeys().anyActiveAdmin()).isTrue();
        apiKeys().revoke(admin.id(), NOW);
        assertThat(apiKeys().anyActiveAdmin()).isFalse();
    }
}
