package io.columnline.application.publishing.memory;

import io.columnline.application.publishing.port.out.WebhookOutbox;
import io.columnline.domain.webhook.WebhookDelivery;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

public final class InMemoryWebhookOutbox implements WebhookOutbox {
    private final Map<UUID, WebhookDelivery> deliveries = new LinkedHashMap<>();

    @Override
    public synchronized void enqueue(WebhookDelivery delivery) {
        deliveries.put(delivery.id(), delivery);
    }

    @Override
    public synchronized List<WebhookDelivery> claimDue(Instant now, int limit, Instant leaseUntil) {
        List<WebhookDelivery> due = deliveries.values().stream()
                .filter(d -> d.status() == WebhookDelivery.Status.PENDING
                        && !d.nextAttemptAt().isAfter(now))
                .sorted(Comparator.comparing(WebhookDelivery::nextAttemptAt))
                .limit(limit)
                .toList();
        for (WebhookDelivery d : due) {
            deliveries.put(
                    d.id(),
                    new WebhookDelivery(
                            d.id(),
                            d.client(),
                            d.event(),
                            d.subject(),
                            d.url(),
                            d.payload(),
                            d.status(),
                            d.attempts(),
                            leaseUntil,
                            d.createdAt(),
                            d.finishedAt(),
                            d.history()));
        }
        return due;
    }

    @Override
    public synchronized void save(WebhookDelivery delivery) {
        deliveries.put(delivery.id(), delivery);
    }

    @Override
    public synchronized List<WebhookDelivery> forSubject(UUID subject) {
        return deliveries.values().stream()
                .filter(d -> subject.equals(d.subject()))
                .sorted(Comparator.comparing(WebhookDelivery::createdAt))
                .toList();
    }
}
