package io.columnline.adapters.http.origin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.columnline.adapters.http.shared.Json;
import io.columnline.adapters.http.shared.Response;
import io.columnline.adapters.http.shared.Router;
import io.columnline.adapters.http.shared.Routes;
import io.columnline.application.publishing.port.in.DossierDetails;
import io.columnline.application.publishing.port.in.PublishRunUseCase;
import io.columnline.application.tracking.port.in.ReadRunsUseCase;
import io.columnline.application.tracking.port.in.RunAccess;
import io.columnline.domain.dossier.Dossier;
import io.columnline.domain.dossier.DossierSection;
import io.columnline.domain.dossier.PublishOptions;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code publish/{run_id}}: the same publish as {@code /api/v1/runs/{id}/publish}, which assembles
 * the dossier from the sections the run's steps wrote and attaches the run's contacts, answered
 * with the origin's fields and Columnline's ids.
 */
final class OriginPublishRoutes implements Routes {
    private final RunAccess access;
    private final ReadRunsUseCase read;
    private final PublishRunUseCase publish;

    @Inject
    OriginPublishRoutes(RunAccess access, ReadRunsUseCase read, PublishRunUseCase publish) {
        this.access = access;
        this.read = read;
        this.publish = publish;
    }

    @Override
    public void register(Router router) {
        router.postQueued("/columnline/publish/{run_id}", r -> {
            OriginBody body = OriginBody.of(r, Set.of("release_date"));
            String runId = r.path("run_id");
            var run = OriginRuns.find(access, read, r.caller(), runId);
            PublishOptions options = PublishOptions.of(body.text("release_date").orElse(null), List.of(), null, null);
            DossierDetails details =
                    publish.publish(r.caller(), run.run().id(), options).dossier();
            Dossier dossier = details.dossier();
            ObjectNode answer = Json.object();
            answer.put("success", true);
            answer.put("run_id", runId);
            answer.put("production_dossier_id", dossier.id().toString());
            answer.put("dossier_id", dossier.externalId().orElse(null));
            answer.put("production_batch_id", details.batch().id().toString());
            answer.put("batch_name", details.batch().name());
            answer.put("contacts_created", details.contacts().size());
            answer.put("pipeline_version", dossier.pipelineVersion());
            answer.put(
                    "released_at", dossier.releasedAt().map(Instant::toString).orElse(null));
            answer.put(
                    "release_date",
                    dossier.releaseDate().map(LocalDate::toString).orElse(null));
            answer.put("status", dossier.status().wire());
            answer.put(
                    "message",
                    dossier.releasedAt().isPresent()
                            ? "dossier released"
                            : "dossier scheduled for "
                                    + dossier.releaseDate()
                                            .map(LocalDate::toString)
                                            .orElse(""));
            ObjectNode rendered = answer.putObject("rendered");
            for (DossierSection section : details.sections()) {
                rendered.set(section.key().value(), Json.node(section.content()));
            }
            var warnings = answer.putArray("warnings");
            body.warnings().forEach(warnings::add);
            return Response.ok(answer);
        });
    }

    @Override
    public Optional<String> openApiFragment() {
        return Optional.empty();
    }
}
