package io.columnline.application.shared;

import io.columnline.domain.client.Client;
import io.columnline.domain.client.ClientId;
import io.columnline.domain.client.ClientProfile;
import io.columnline.domain.client.ClientSlug;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/** Ready-made domain objects for contract and service tests. */
public final class Fixtures {
    public static final Instant NOW =
            Instant.parse("2026-11-22T10:15:30.123456Z").truncatedTo(ChronoUnit.MICROS);

    private Fixtures() {}

    public static Client client(String slug) {
        return Client.create(
                ClientId.random(),
                new ClientSlug(slug),
                Client.settings(slug + " Inc", "Europe/Berlin", null),
                ClientProfile.EMPTY,
                NOW);
    }

    public static Client clientWithWebhook(String slug, String url) {
        return Client.create(
                ClientId.random(), new ClientSlug(slug), Client.settings(slug, "UTC", url), ClientProfile.EMPTY, NOW);
    }

    public static <T> T present(Optional<T> value) {
        return value.orElseThrow(() -> new AssertionError("expected a value"));
    }
}
