package io.columnline.domain.webhook;

import io.columnline.domain.client.ClientId;
import io.columnline.domain.json.JsonDocument;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One webhook to send, recorded in the same transaction as the change it announces (a
 * transactional outbox), then sent until the receiver takes it or the attempts run out.
 * {@code subject} is the id of what the event is about (a run for {@code run.rerun}).
 */
public record WebhookDelivery(
        UUID id,
        ClientId client,
        String event,
        UUID subject,
        URI url,
        JsonDocument payload,
        Status status,
        int attempts,
        Instant nextAttemptAt,
        Instant createdAt,
        Optional<Instant> finishedAt,
        List<Attempt> history) {

    public enum Status {
        PENDING,
        DELIVERED,
        FAILED
    }

    /** One try: when, how long, and what the receiver answered (or why there was no answer). */
    public record Attempt(
            int number, Instant at, long durationMs, Optional<Integer> statusCode, Optional<String> error) {
        public boolean succeeded() {
            return statusCode.map(code -> code >= 200 && code < 300).orElse(false);
        }
    }

    /** Backoff: the first retry after {@code firstRetry}, each next one twice as late. */
    public record RetryPolicy(Duration firstRetry, int maxAttempts) {
        public RetryPolicy {
            if (firstRetry.isNegative() || firstRetry.isZero()) {
                throw new IllegalArgumentException("the first retry delay must be positive");
            }
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("at least one attempt is needed");
            }
        }

        Duration delayAfter(int attemptsMade) {
            return firstRetry.multipliedBy(1L << Math.min(attemptsMade - 1, 30));
        }
    }

    public WebhookDelivery {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(payload, "payload");
        history = List.copyOf(history);
    }

    public static WebhookDelivery pending(
            ClientId client, String event, UUID subject, URI url, JsonDocument payload, Instant now) {
        return new WebhookDelivery(
                UUID.randomUUID(),
                client,
                event,
                subject,
                url,
                payload,
                Status.PENDING,
                0,
                now,
                now,
                Optional.empty(),
                List.of());
    }

    /** The delivery after one more attempt: delivered, rescheduled with backoff, or given up. */
    public WebhookDelivery after(Attempt attempt, RetryPolicy policy) {
        var history = new java.util.ArrayList<>(this.history);
        history.add(attempt);
        int made = attempts + 1;
        if (attempt.succeeded()) {
            return new WebhookDelivery(
                    id,
                    client,
                    event,
                    subject,
                    url,
                    payload,
                    Status.DELIVERED,
                    made,
                    nextAttemptAt,
                    createdAt,
                    Optional.of(attempt.at()),
                    history);
        }
        if (made >= policy.maxAttempts()) {
            return new WebhookDelivery(
                    id,
                    client,
                    event,
                    subject,
                    url,
                    payload,
                    Status.FAILED,
                    made,
                    nextAttemptAt,
                    createdAt,
                    Optional.of(attempt.at()),
                    history);
        }
        return new WebhookDelivery(
                id,
                client,
                event,
                subject,
                url,
                payload,
                Status.PENDING,
                made,
                attempt.at().plus(policy.delayAfter(made)),
                createdAt,
                Optional.empty(),
                history);
    }
}
