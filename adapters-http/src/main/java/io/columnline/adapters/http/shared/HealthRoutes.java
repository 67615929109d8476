package io.columnline.adapters.http.shared;

import io.columnline.application.shared.HealthUseCase;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;

final class HealthRoutes implements Routes {
    private final HealthUseCase health;

    @Inject
    HealthRoutes(HealthUseCase health) {
        this.health = health;
    }

    @Override
    public void register(Router router) {
        router.publicGet("/healthz", request -> Response.ok(Map.of("status", "ok")));
        router.publicGet("/readyz", request -> {
            Map<String, String> body = new java.util.LinkedHashMap<>();
            boolean ready = health.ready();
            body.put("status", ready ? "ready" : "not_ready");
            body.putAll(health.parts());
            return ready ? Response.ok(body) : Response.of(503, body);
        });
    }

    @Override
    public Optional<String> openApiFragment() {
        return Optional.of("/openapi/health.json");
    }
}
