package io.columnline.application.publishing.contract;

import static io.columnline.application.shared.Fixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import io.columnline.application.publishing.port.out.WebhookOutbox;
import io.columnline.application.shared.Fixtures;
import io.columnline.application.tenancy.port.out.Clients;
import io.columnline.domain.client.Client;
import io.columnline.domain.json.JsonDocument;
import io.columnline.domain.webhook.WebhookDelivery;
import io.columnline.domain.webhook.WebhookDelivery.Attempt;
import io.columnline.domain.webhook.WebhookDelivery.RetryPolicy;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

public abstract class WebhookOutboxContract {
    protected abstract WebhookOutbox outbox();

    protected abstract Clients clients();

    private Client client;
    private final RetryPolicy policy = new RetryPolicy(Duration.ofSeconds(1), 3);

    @BeforeEach
    void aClient() {
        client = Fixtures.client("hooks");
        clients().save(client);
    }

    private WebhookDelivery pending(UUID subject) {
        return WebhookDelivery.pending(
                client.id(),
                "run.rerun",
                subject,
                URI.create("http://127.0.0.1:9/hook"),
                new JsonDocument("{\"run_id\":\"" + subject + "\"}"),
                NOW);
    }

    @Test
    void a_due_delivery_is_claimed_once_until_its_lease_runs_out() {
        var delivery = pending(UUID.randomUUID());
        outbox().enqueue(delivery);

        assertThat(outbox().claimDue(NOW, 10, NOW.plusSeconds(120)))
                .extracting(WebhookDelivery::id)
                .containsExactly(delivery.id());
        assertThat(outbox().claimDue(NOW.plusSeconds(60), 10, NOW.plusSeconds(180)))
                .isEmpty();
        assertThat(outbox().claimDue(NOW.plusSeconds(121), 10, NOW.plusSeconds(240)))
                .hasSize(1);
    }

    @Test
    void attempts_are_kept_with_their_outcome_and_retries_wait_longer_each_time() {
        UUID subject = UUID.randomUUID();
        var delivery = pending(subject);
        outbox().enqueue(delivery);

        var failed = delivery.after(new Attempt(1, NOW, 12, Optional.of(503), Optional.empty()), policy);
        outbox().save(failed);
        assertThat(failed.nextAttemptAt()).isEqualTo(NOW.plusSeconds(1));
        var timedOut = failed.after(
                new Attempt(2, NOW.plusSeconds(1), 10_000, Optional.empty(), Optional.of("timed out")), policy);
        outbox().save(timedOut);
        assertThat(timedOut.nextAttemptAt()).isEqualTo(NOW.plusSeconds(3));
        var delivered =
                timedOut.after(new Attempt(3, NOW.plusSeconds(3), 5, Optional.of(200), Optional.empty()), policy);
        outbox().save(delivered);

        var stored = outbox().forSubject(subject);
        assertThat(stored).hasSize(1);
        assertThat(stored.get(0).status()).isEqualTo(WebhookDelivery.Status.DELIVERED);
        assertThat(stored.get(0).attempts()).isEqualTo(3);
        assertThat(stored.get(0).history())
                .extracting(Attempt::statusCode)
                .containsExactly(Optional.of(503), Optional.empty(), Optional.of(200));
        assertThat(stored.get(0).history().get(1).error()).contains("timed out");
        assertThat(outbox().claimDue(NOW.plusSeconds(3600), 10, NOW.plusSeconds(4000)))
                .isEmpty();
    }

    @Test
    void a_delivery_gives_up_after_the_last_attempt() {
        var delivery = pending(UUID.randomUUID());
        outbox().enqueue(delivery);
        var current = delivery;
        for (int i = 1; i <= 3; i++) {
            current = current.after(
                    new Attempt(i, NOW.plusSeconds(i * 10L), 1, Optional.of(500), Optional.empty()), policy);
            outbox().save(current);
        }
        assertThat(current.status()).isEqualTo(WebhookDelivery.Status.FAILED);
        assertThat(outbox().forSubject(delivery.subject()).get(0).status()).isEqualTo(WebhookDelivery.Status.FAILED);
        assertThat(outbox().claimDue(NOW.plusSeconds(3600), 10, NOW.plusSeconds(4000)))
                .isEmpty();
    }
}
