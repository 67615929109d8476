package io.columnline.adapters.http.knowledge;

import io.columnline.adapters.http.shared.ListBody;
import io.columnline.adapters.http.shared.Request;
import io.columnline.adapters.http.shared.Response;
import io.columnline.adapters.http.shared.Router;
import io.columnline.adapters.http.shared.Routes;
import io.columnline.application.knowledge.port.in.InsightsUseCase;
import io.columnline.domain.client.ClientSlug;
import io.columnline.domain.error.Invalid;
import io.columnline.domain.knowledge.Insight;
import io.columnline.domain.knowledge.SourceId;
import io.columnline.domain.run.RunId;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Insights: compounded by client, type and title; every version kept with its confidence. */
final class InsightRoutes implements Routes {
    private final InsightsUseCase insights;

    @Inject
    InsightRoutes(InsightsUseCase insights) {
        this.insights = insights;
    }

    record InsightBody(
            String client,
            String type,
            String title,
            String content,
            Double confidence,
            List<String> tags,
            String sourceId,
            String runId,
            String companyDomain) {}

    record InsightView(
            UUID id,
            UUID clientId,
            String type,
            String title,
            String content,
            double confidence,
            List<String> tags,
            UUID sourceId,
            UUID runId,
            String companyDomain,
            int version,
            Instant createdAt,
            Instant updatedAt) {
        static InsightView from(Insight i) {
            return new InsightView(
                    i.id(),
                    i.client().value(),
                    i.type(),
                    i.title(),
                    i.content(),
                    i.confidence(),
                    i.tags(),
                    i.source().map(SourceId::value).orElse(null),
                    i.run().map(RunId::value).orElse(null),
                    i.companyDomain().orElse(null),
                    i.version(),
                    i.createdAt(),
                    i.updatedAt());
        }
    }

    record VersionView(
            int version,
            String title,
            String content,
            double confidence,
            List<String> tags,
            UUID sourceId,
            UUID runId,
            String companyDomain,
            Instant recordedAt) {
        static VersionView from(Insight.Version v) {
            return new VersionView(
                    v.version(),
                    v.title(),
                    v.content(),
                    v.confidence(),
                    v.tags(),
                    v.source().map(SourceId::value).orElse(null),
                    v.run().map(RunId::value).orElse(null),
                    v.companyDomain().orElse(null),
                    v.recordedAt());
        }
    }

    @Override
    public void register(Router router) {
        router.post("/api/v1/insights", r -> {
            InsightBody b = r.body(InsightBody.class);
            InsightsUseCase.Recorded recorded = insights.record(new InsightsUseCase.Command(
                    r.caller(),
                    Optional.ofNullable(b.client()).map(ClientSlug::new),
                    b.type(),
                    b.title(),
                    b.content(),
                    b.confidence(),
                    b.tags(),
                    Optional.ofNullable(b.sourceId()).map(id -> Request.uuid(id, "source")),
                    Optional.ofNullable(b.runId()).map(id -> Request.uuid(id, "run")),
                    Optional.ofNullable(b.companyDomain())));
            InsightView view = InsightView.from(recorded.insight());
            return recorded.created() ? Response.created(view) : Response.ok(view);
        });
        router.get(
                "/api/v1/insights",
                r -> Response.ok(ListBody.of(
                        insights.list(
                                r.caller(),
                                new InsightsUseCase.Query(
                                        r.query("client"),
                                        r.query("type"),
                                        r.query("tag"),
                                        r.query("min_confidence").map(InsightRoutes::confidence),
                                        r.query("source_id").map(id -> Request.uuid(id, "source")),
                                        r.query("run_id").map(id -> Request.uuid(id, "run")),
                                        r.query("company_domain"),
                                        r.queryInstant("since")),
                                r.page()),
                        InsightView::from)));
        router.get("/api/v1/insights/{id}", r -> Response.ok(InsightView.from(insights.get(r.caller(), id(r)))));
        router.get(
                "/api/v1/insights/{id}/history",
                r -> Response.ok(ListBody.all(insights.history(r.caller(), id(r)).stream()
                        .map(VersionView::from)
                        .toList())));
        router.delete("/api/v1/insights/{id}", r -> {
            insights.delete(r.caller(), id(r));
            return Response.noContent();
        });
    }

    private static double confidence(String text) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new Invalid("min_confidence", "must be a number from 0 to 1");
        }
    }

    private static UUID id(Request r) {
        return r.pathId("id", "insight");
    }

    @Override
    public Optional<String> openApiFragment() {
        return Optional.of("/openapi/insights.json");
    }
}
