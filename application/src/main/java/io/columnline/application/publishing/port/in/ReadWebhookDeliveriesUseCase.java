package io.columnline.application.publishing.port.in;

import io.columnline.domain.access.Caller;
import io.columnline.domain.run.RunId;
import io.columnline.domain.webhook.WebhookDelivery;
import java.util.List;

public interface ReadWebhookDeliveriesUseCase {
    /** The webhooks announcing the run, with every attempt and its outcome, oldest first. */
    List<WebhookDelivery> ofRun(Caller caller, RunId run);
}
