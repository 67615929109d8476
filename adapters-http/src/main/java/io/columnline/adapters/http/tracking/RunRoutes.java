package io.columnline.adapters.http.tracking;

import com.fasterxml.jackson.databind.JsonNode;
import io.columnline.adapters.http.shared.Json;
import io.columnline.adapters.http.shared.ListBody;
import io.columnline.adapters.http.shared.Request;
import io.columnline.adapters.http.shared.Response;
import io.columnline.adapters.http.shared.Router;
import io.columnline.adapters.http.shared.Routes;
import io.columnline.adapters.http.shared.SharedViews;
import io.columnline.adapters.http.shared.SharedViews.ListedRunView;
import io.columnline.adapters.http.shared.SharedViews.RunView;
import io.columnline.adapters.http.shared.SharedViews.StageView;
import io.columnline.application.tracking.port.in.FinishRunUseCase;
import io.columnline.application.tracking.port.in.ReadRunsUseCase;
import io.columnline.application.tracking.port.in.RunDetails.StageDetails;
import io.columnline.application.tracking.port.in.StageUseCase;
import io.columnline.application.tracking.port.in.StartRunUseCase;
import io.columnline.domain.error.Invalid;
import io.columnline.domain.error.Violations;
import io.columnline.domain.run.RunId;
import io.columnline.domain.run.RunStatus;
import io.columnline.domain.run.Seed;
import io.columnline.domain.run.Stage;
import io.columnline.domain.run.StageStatus;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/** Runs and their stages, including the flat stage routes the older scenarios call. */
final class RunRoutes implements Routes {
    private final StartRunUseCase start;
    private final ReadRunsUseCase read;
    private final FinishRunUseCase finish;
    private final StageUseCase stages;
    private final Clock clock;

    @Inject
    RunRoutes(StartRunUseCase start, ReadRunsUseCase read, FinishRunUseCase finish, StageUseCase stages, Clock clock) {
        this.start = start;
        this.read = read;
        this.finish = finish;
        this.stages = stages;
        this.clock = clock;
    }

    record StartBody(String client, JsonNode seed, String pipelineVersion, String externalId) {}

    record FailBody(String error) {}

    record CompleteStageBody(
            String status, String errorSummary, JsonNode inputRefs, JsonNode outputRefs, JsonNode metrics) {}

    record FlatStartStageBody(String runId, String stage) {}

    record FlatCompleteStageBody(
            String runId,
            String stage,
            String status,
            String errorSummary,
            JsonNode inputRefs,
            JsonNode outputRefs,
            JsonNode metrics) {}

    @Override
    public void register(Router router) {
        router.post("/api/v1/runs", this::start);
        router.get("/api/v1/runs", r -> {
            var query = new ReadRunsUseCase.Query(
                    r.query("client"),
                    r.query("status").map(s -> RunStatus.parse("status", s)),
                    r.queryInstant("since"),
                    r.queryInstant("until"),
                    r.query("pipeline_version"),
                    r.query("company"),
                    r.query("external_id"));
            Instant asOf = clock.instant();
            return Response.ok(
                    ListBody.of(read.list(r.caller(), query, r.page()), run -> ListedRunView.from(run, asOf)));
        });
        router.get("/api/v1/runs/{id}", r -> Response.ok(RunView.from(read.get(r.caller(), runId(r)))));
        router.post("/api/v1/runs/{id}/complete", r -> {
            r.bodyOrEmpty(EmptyBody.class);
            return Response.ok(RunView.from(finish.complete(r.caller(), runId(r))));
        });
        router.post(
                "/api/v1/runs/{id}/fail",
                r -> Response.ok(RunView.from(
                        finish.fail(r.caller(), runId(r), r.body(FailBody.class).error()))));

        router.post("/api/v1/runs/{id}/stages/{stage}/start", r -> {
            r.bodyOrEmpty(EmptyBody.class);
            return stage(stages.start(r.caller(), runId(r), r.path("stage")));
        });
        router.post("/api/v1/runs/{id}/stages/{stage}/complete", r -> {
            CompleteStageBody b = r.body(CompleteStageBody.class);
            Stage.Outcome outcome = outcome(b.status(), b.errorSummary(), b.inputRefs(), b.outputRefs(), b.metrics());
            return stage(stages.complete(r.caller(), runId(r), r.path("stage"), outcome));
        });
        router.post("/api/v1/stages/start", r -> {
            FlatStartStageBody b = r.body(FlatStartStageBody.class);
            required(b.runId(), b.stage());
            return stage(stages.start(r.caller(), runId(b.runId()), b.stage()));
        });
        router.post("/api/v1/stages/complete", r -> {
            FlatCompleteStageBody b = r.body(FlatCompleteStageBody.class);
            required(b.runId(), b.stage());
            Stage.Outcome outcome = outcome(b.status(), b.errorSummary(), b.inputRefs(), b.outputRefs(), b.metrics());
            return stage(stages.complete(r.caller(), runId(b.runId()), b.stage(), outcome));
        });
    }

    /** The optional body of action routes: nothing or {@code {}}. */
    record EmptyBody() {}

    private Response start(Request r) {
        StartBody body = r.body(StartBody.class);
        var started = start.start(new StartRunUseCase.Command(
                r.caller(),
                Optional.ofNullable(body.client()),
                seed(body.seed()),
                Optional.ofNullable(body.pipelineVersion()),
                Optional.ofNullable(body.externalId())));
        return Response.of(started.created() ? 201 : 200, RunView.from(started.run()));
    }

    private Response stage(StageDetails details) {
        return Response.ok(StageView.from(details, clock.instant()));
    }

    /** The seed is kept whole; its identity fields must be strings. */
    private static Seed seed(JsonNode seed) {
        if (seed == null || seed.isNull()) {
            throw new Invalid("seed", "is required: an object with company_name and domain");
        }
        if (!seed.isObject()) {
            throw new Invalid("seed", "must be an object with company_name and domain");
        }
        var problems = new Violations();
        String name = text(seed, "company_name", problems);
        String domain = text(seed, "domain", problems);
        String companyId = text(seed, "company_id", problems);
        problems.throwIfAny();
        return new Seed(name, domain, Optional.ofNullable(companyId), Json.document(seed));
    }

    private static String text(JsonNode seed, String field, Violations problems) {
        JsonNode value = seed.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isTextual()) {
            return value.textValue();
        }
        if (value.isNumber() && "company_id".equals(field)) {
            return value.asText();
        }
        problems.add("seed." + field, "must be a string");
        return null;
    }

    private static Stage.Outcome outcome(
            String status, String errorSummary, JsonNode inputRefs, JsonNode outputRefs, JsonNode metrics) {
        return new Stage.Outcome(
                StageStatus.parse("status", status),
                Optional.ofNullable(errorSummary),
                Optional.ofNullable(SharedViews.document(inputRefs)),
                Optional.ofNullable(SharedViews.document(outputRefs)),
                Optional.ofNullable(SharedViews.document(metrics)));
    }

    private static void required(String runId, String stage) {
        var problems = new Violations();
        if (runId == null) {
            problems.add("run_id", "is required: the id POST /api/v1/runs answered");
        }
        if (stage == null) {
            problems.add("stage", "is required: the stage name, e.g. research");
        }
        problems.throwIfAny();
    }

    static RunId runId(Request r) {
        return new RunId(r.pathId("id", "run"));
    }

    static RunId runId(String text) {
        return new RunId(Request.uuid(text, "run"));
    }

    @Override
    public Optional<String> openApiFragment() {
        return Optional.of("/openapi/runs.json");
    }
}
