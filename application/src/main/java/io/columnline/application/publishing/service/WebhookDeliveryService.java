package io.columnline.application.publishing.service;

import io.columnline.application.knowledge.port.in.EventsUseCase;
import io.columnline.application.publishing.port.in.DeliverWebhooksUseCase;
import io.columnline.application.publishing.port.out.WebhookOutbox;
import io.columnline.application.publishing.port.out.WebhookSender;
import io.columnline.domain.event.SystemEvent;
import io.columnline.domain.json.JsonDocument;
import io.columnline.domain.webhook.WebhookDelivery;
import io.columnline.domain.webhook.WebhookDelivery.Attempt;
import io.columnline.domain.webhook.WebhookDelivery.RetryPolicy;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Drains the outbox: each due delivery is claimed (so parallel instances never send it twice at
 * once), posted, and rescheduled with exponential backoff or closed.
 */
public final class WebhookDeliveryService implements DeliverWebhooksUseCase {
    private static final int BATCH = 20;
    /** A claimed delivery whose worker died is retried after this long. */
    private static final Duration LEASE = Duration.ofMinutes(2);

    private final WebhookOutbox outbox;
    private final WebhookSender sender;
    private final RetryPolicy policy;
    private final EventsUseCase events;
    private final Clock clock;

    @Inject
    public WebhookDeliveryService(
            WebhookOutbox outbox, WebhookSender sender, RetryPolicy policy, EventsUseCase events, Clock clock) {
        this.outbox = outbox;
        this.events = events;
        this.sender = sender;
        this.policy = policy;
        this.clock = clock;
    }

    @Override
    public int deliverDue() {
        Instant now = clock.instant();
        List<WebhookDelivery> due = outbox.claimDue(now, BATCH, now.plus(LEASE));
        for (WebhookDelivery delivery : due) {
            Instant at = clock.instant();
            var result = sender.post(
                    delivery.url(),
                    delivery.payload(),
                    delivery.event(),
                    delivery.id().toString());
            var attempt =
                    new Attempt(delivery.attempts() + 1, at, result.durationMs(), result.statusCode(), result.error());
            WebhookDelivery after = delivery.after(attempt, policy);
            outbox.save(after);
            if (after.status() == WebhookDelivery.Status.FAILED) {
                events.ofClient(
                        delivery.client(),
                        SystemEvent.WEBHOOK_GIVEN_UP,
                        new JsonDocument("{\"attempts\":" + attempt.number() + ",\"delivery_id\":\"" + delivery.id()
                                + "\",\"event\":\"" + jsonText(delivery.event()) + "\",\"status_code\":"
                                + attempt.statusCode().map(String::valueOf).orElse("null") + "}"));
            }
        }
        return due.size();
    }

    private static String jsonText(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
