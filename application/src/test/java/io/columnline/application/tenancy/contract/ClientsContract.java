package io.columnline.application.tenancy.contract;

import static io.columnline.application.shared.Fixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import io.columnline.application.shared.Fixtures;
import io.columnline.application.shared.PageRequest;
import io.columnline.application.tenancy.port.out.Clients;
import io.columnline.domain.client.Client;
import io.columnline.domain.client.ClientProfile;
import io.columnline.domain.client.ClientSlug;
import io.columnline.domain.client.ProfileVersion;
import io.columnline.domain.json.JsonDocument;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What every {@link Clients} adapter must do; run against the in-memory and the Postgres one. */
public abstract class ClientsContract {
    protected abstract Clients clients();

    @Test
    void a_saved_client_is_found_by_slug_and_id_with_every_field() {
        Client client = Fixtures.clientWithWebhook("acme", "https://hooks.example.com/rerun");
        clients().save(client);

        assertThat(clients().bySlug(new ClientSlug("acme"))).contains(client);
        assertThat(clients().byId(client.id())).contains(client);
        assertThat(clients().bySlug(new ClientSlug("nobody"))).isEmpty();
    }

    @Test
    void saving_again_updates_in_place() {
        Client client = Fixtures.client("acme");
        clients().save(client);
        var profile = new ClientProfile(new JsonDocument("{\"industries\":[\"fintech\"]}"), "research", "context");
        Client updated =
                client.update(Client.settings("Acme Two", "Asia/Tokyo", null), profile, NOW.plus(Duration.ofHours(1)));
        clients().save(updated);

        Client stored = Fixtures.present(clients().byId(client.id()));
        assertThat(stored).isEqualTo(updated);
        assertThat(stored.profileVersion()).isEqualTo(2);
    }

    @Test
    void a_client_is_found_by_its_external_id_with_its_configs() {
        Client plain = Fixtures.client("acme");
        clients().save(plain);
        Client origin = plain.update(
                Client.settings(
                        null,
                        null,
                        null,
                        "CLT_EXAMPLE_001",
                        new JsonDocument(
                                "{\"icp_config_compressed\":{\"segments\":[\"fintech\"]},\"drip_schedule\":\"weekly\"}")),
                plain.profile(),
                NOW.plus(Duration.ofHours(1)));
        clients().save(origin);

        Client stored = Fixtures.present(clients().byExternalId("CLT_EXAMPLE_001"));
        assertThat(stored).isEqualTo(origin);
        assertThat(stored.configs().get("drip_schedule")).contains(new JsonDocument("\"weekly\""));
        assertThat(stored.configs().get("batch_strategy")).isEmpty();
        assertThat(clients().byExternalId("CLT_NOBODY_002")).isEmpty();
    }

    @Test
    void list_pages_by_slug_and_can_be_narrowed_to_one_client() {
        for (String slug : new String[] {"c", "a", "e", "b", "d"}) {
            clients().save(Fixtures.client(slug));
        }
        var first = clients().list(Optional.empty(), PageRequest.first(2));
        assertThat(first.items()).extracting(c -> c.slug().value()).containsExactly("a", "b");
        var second = clients().list(Optional.empty(), new PageRequest(2, first.next()));
        assertThat(second.items()).extracting(c -> c.slug().value()).containsExactly("c", "d");
        var last = clients().list(Optional.empty(), new PageRequest(2, second.next()));
        assertThat(last.items()).extracting(c -> c.slug().value()).containsExactly("e");
        assertThat(last.next()).isEmpty();

        Client d = Fixtures.present(clients().bySlug(new ClientSlug("d")));
        assertThat(clients().list(Optional.of(d.id()), PageRequest.first(10)).items())
                .containsExactly(d);
    }

    @Test
    void profile_versions_come_back_newest_first() {
        Client client = Fixtures.client("acme");
        clients().save(client);
        clients().addProfileVersion(client.id(), new ProfileVersion(1, ClientProfile.EMPTY, NOW));
        var second = new ClientProfile(new JsonDocument("{\"a\":1}"), "x", "y");
        clients().addProfileVersion(client.id(), new ProfileVersion(2, second, NOW.plusSeconds(5)));

        assertThat(clients().profileVersions(client.id()))
                .containsExactly(
                        new ProfileVersion(2, second, NOW.plusSeconds(5)),
                        new ProfileVersion(1, ClientProfile.EMPTY, NOW));
    }
}
