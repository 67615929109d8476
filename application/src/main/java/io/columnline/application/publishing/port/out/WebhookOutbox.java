package io.columnline.application.publishing.port.out;

import io.columnline.domain.webhook.WebhookDelivery;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

public interface WebhookOutbox {
    /** Records a delivery; called inside the transaction of the change it announces. */
    void enqueue(WebhookDelivery delivery);

    /**
     * Takes up to {@code limit} pending deliveries due at {@code now} for this worker: no other
     * worker (in this or another instance) gets them until {@link #save} or the lease runs out.
     */
    List<WebhookDelivery> claimDue(Instant now, int limit, Instant leaseUntil);

    /** Stores the delivery's new state and its newest attempt. */
    void save(WebhookDelivery delivery);

    /** Every delivery about a subject with its attempts, oldest first. */
    List<WebhookDelivery> forSubject(UUID subject);
}
