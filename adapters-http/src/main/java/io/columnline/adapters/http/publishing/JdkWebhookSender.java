package io.columnline.adapters.http.publishing;

import io.columnline.application.publishing.port.out.WebhookSender;
import io.columnline.domain.json.JsonDocument;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/** Posts webhooks with the JDK client; a receiver has 10 seconds to answer 2xx. */
final class JdkWebhookSender implements WebhookSender {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient client = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    @Inject
    JdkWebhookSender() {}

    @Override
    public Result post(URI url, JsonDocument payload, String event, String deliveryId) {
        long started = System.nanoTime();
        try {
            var request = HttpRequest.newBuilder(url)
                    .timeout(TIMEOUT)
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "Columnline-Webhooks/1")
                    .header("X-Columnline-Event", event)
                    .header("X-Columnline-Delivery", deliveryId)
                    .POST(HttpRequest.BodyPublishers.ofString(payload.text()))
                    .build();
            int status =
                    client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            return new Result(
                    Optional.of(status),
                    status / 100 == 2 ? Optional.empty() : Optional.of("receiver answered " + status),
                    elapsed(started));
        } catch (IOException | IllegalArgumentException e) {
            return new Result(
                    Optional.empty(),
                    Optional.of(e.getClass().getSimpleName() + ": " + e.getMessage()),
                    elapsed(started));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(Optional.empty(), Optional.of("interrupted"), elapsed(started));
        }
    }

    private static long elapsed(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }
}
