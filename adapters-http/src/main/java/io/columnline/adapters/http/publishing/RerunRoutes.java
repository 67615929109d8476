package io.columnline.adapters.http.publishing;

import com.fasterxml.jackson.annotation.JsonRawValue;
import io.columnline.adapters.http.shared.ListBody;
import io.columnline.adapters.http.shared.Response;
import io.columnline.adapters.http.shared.Router;
import io.columnline.adapters.http.shared.Routes;
import io.columnline.adapters.http.shared.SharedViews.RunView;
import io.columnline.application.publishing.port.in.ReadWebhookDeliveriesUseCase;
import io.columnline.application.publishing.port.in.RerunDossierUseCase;
import io.columnline.application.tracking.port.in.RunAccess;
import io.columnline.domain.webhook.WebhookDelivery;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Reruns of dossiers and the webhooks announcing runs, with every delivery attempt. */
final class RerunRoutes implements Routes {
    private final RerunDossierUseCase rerun;
    private final ReadWebhookDeliveriesUseCase deliveries;

    private final RunAccess runs;

    @Inject
    RerunRoutes(RerunDossierUseCase rerun, ReadWebhookDeliveriesUseCase deliveries, RunAccess runs) {
        this.runs = runs;
        this.rerun = rerun;
        this.deliveries = deliveries;
    }

    record RerunBody(String fromStage) {}

    record RerunView(RunView run, String rerunOfDossierId, String fromStage, String webhookDeliveryId) {}

    record AttemptView(int number, Instant at, long durationMs, Integer statusCode, String error, boolean succeeded) {
        static AttemptView from(WebhookDelivery.Attempt a) {
            return new AttemptView(
                    a.number(),
                    a.at(),
                    a.durationMs(),
                    a.statusCode().orElse(null),
                    a.error().orElse(null),
                    a.succeeded());
        }
    }

    record DeliveryView(
            String id,
            String event,
            String subjectId,
            String url,
            @JsonRawValue String payload,
            String status,
            int attempts,
            Instant nextAttemptAt,
            Instant createdAt,
            Instant finishedAt,
            List<AttemptView> history) {
        static DeliveryView from(WebhookDelivery d) {
            return new DeliveryView(
                    d.id().toString(),
                    d.event(),
                    d.subject() == null ? null : d.subject().toString(),
                    d.url().toString(),
                    d.payload().text(),
                    d.status().name().toLowerCase(Locale.ROOT),
                    d.attempts(),
                    d.status() == WebhookDelivery.Status.PENDING ? d.nextAttemptAt() : null,
                    d.createdAt(),
                    d.finishedAt().orElse(null),
                    d.history().stream().map(AttemptView::from).toList());
        }
    }

    @Override
    public void register(Router router) {
        router.post("/api/v1/dossiers/{id}/rerun", r -> {
            RerunBody b = r.bodyOrEmpty(RerunBody.class);
            var started = rerun.rerun(r.caller(), DossierRoutes.dossierId(r), Optional.ofNullable(b.fromStage()));
            return Response.created(new RerunView(
                    RunView.from(started.run()),
                    started.rerun().of().toString(),
                    started.rerun().fromStage().orElse(null),
                    started.webhook().map(w -> w.id().toString()).orElse(null)));
        });
        router.get(
                "/api/v1/runs/{id}/webhook-deliveries",
                r -> Response.ok(ListBody.all(
                        deliveries.ofRun(r.caller(), runs.resolve(r.caller(), r.path("id"))).stream()
                                .map(DeliveryView::from)
                                .toList())));
    }

    @Override
    public Optional<String> openApiFragment() {
        return Optional.of("/openapi/reruns.json");
    }
}
