package io.columnline.domain.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.columnline.domain.error.Invalid;
import io.columnline.domain.json.JsonDocument;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class ClientTest {
    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

    private static Client acme() {
        return Client.create(
                ClientId.random(),
                new ClientSlug("acme"),
                Client.settings("Acme", null, null),
                ClientProfile.EMPTY,
                NOW);
    }

    @Test
    void a_new_client_defaults_to_utc_and_profile_version_one() {
        Client client = acme();
        assertThat(client.timezone()).isEqualTo(ZoneId.of("UTC"));
        assertThat(client.profileVersion()).isEqualTo(1);
    }

    @Test
    void only_a_changed_profile_moves_the_version() {
        Client client = acme();
        Client renamed = client.update(Client.settings("Acme 2", null, null), client.profile(), NOW.plusSeconds(1));
        assertThat(renamed.profileVersion()).isEqualTo(1);
        assertThat(renamed.name()).isEqualTo("Acme 2");

        var profile = new ClientProfile(new JsonDocument("{\"x\":1}"), "", "");
        assertThat(renamed.update(Client.settings(null, null, null), profile, NOW)
                        .profileVersion())
                .isEqualTo(2);
    }

    @Test
    void settings_report_every_bad_field_at_once() {
        assertThatThrownBy(() -> Client.settings(" ", "Nowhere/Zone", "ftp://x"))
                .isInstanceOfSatisfying(
                        Invalid.class,
                        e -> assertThat(e.violations())
                                .extracting(v -> v.field())
                                .containsExactly("name", "timezone", "rerun_webhook_url"));
    }

    @Test
    void creating_needs_a_name() {
        assertThatThrownBy(() -> Client.create(
                        ClientId.random(),
                        new ClientSlug("x"),
                        Client.settings(null, null, null),
                        ClientProfile.EMPTY,
                        NOW))
                .isInstanceOf(Invalid.class)
                .hasMessageContaining("name");
    }

    @Test
    void slugs_are_lower_case_machine_names() {
        assertThat(new ClientSlug("acme-gmbh-2").value()).isEqualTo("acme-gmbh-2");
        assertThatThrownBy(() -> new ClientSlug("Acme")).isInstanceOf(Invalid.class);
        assertThatThrownBy(() -> new ClientSlug("-acme")).isInstanceOf(Invalid.class);
        assertThatThrownBy(() -> new ClientSlug("")).isInstanceOf(Invalid.class);
    }
}
