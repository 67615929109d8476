package io.columnline.application.publishing.port.out;

import io.columnline.domain.json.JsonDocument;
import java.net.URI;
import java.util.Optional;

/** Sends one webhook POST; never throws for a receiver's failure, it reports it. */
public interface WebhookSender {
    Result post(URI url, JsonDocument payload, String event, String deliveryId);

    record Result(Optional<Integer> statusCode, Optional<String> error, long durationMs) {}
}
