package io.columnline.adapters.http.shared;

import io.columnline.domain.access.Caller;
import io.columnline.domain.error.Forbidden;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** {@code GET /metrics} in the Prometheus text format: for an admin key, or for anyone when open. */
final class MetricsRoutes implements Routes {
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final HttpMetrics metrics;

    @Inject
    MetricsRoutes(HttpMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void register(Router router) {
        if (metrics.open()) {
            router.publicGet("/metrics", request -> scrape());
        } else {
            router.get("/metrics", request -> {
                if (!(request.caller() instanceof Caller.Admin)) {
                    throw new Forbidden("metrics need an admin key");
                }
                return scrape();
            });
        }
    }

    private Response scrape() {
        return new Response(200, metrics.scrape().getBytes(StandardCharsets.UTF_8), CONTENT_TYPE);
    }

    @Override
    public Optional<String> openApiFragment() {
        return Optional.of("/openapi/metrics.json");
    }
}
