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
import io.columnline.application.tracking.port.in.UpdateRunUseCase;
import io.columnline.domain.error.Invalid;
import io.columnline.domain.error.Violations;
import io.columnline.domain.run.RunId;
import io.columnline.domain.run.RunStatus;
import io.columnline.domain.run.Seed;
import io.columnline.domain.run.Stage;
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
    private final UpdateRunUseCase update;
    private final RunIds ids;
    private final Clock clock;

    @Inject
    RunRoutes(
            StartRunUseCase start,
            ReadRunsUseCase read,
            FinishRunUseCase finish,
            StageUseCase stages,
            UpdateRunUseCase update,
            RunIds ids,
            Clock clock) {
        this.start = start;
        this.read = read;
        this.finish = finish;
        this.stages = stages;
        this.update = update;
        this.ids = ids;
        this.clock = clock;
    }

    record StartBody(
            String client,
            JsonNode seed,
            String pipelineVersion,
            String externalId,
            JsonNode pipeline,
            String triggeredBy,
            JsonNode inputData) {}

    record PatchBody(JsonNode seed) {}

    record CompleteBody(JsonNode outputData) {}

    record FailBody(String error) {}

    record CompleteStageBody(
            String status, String errorSummary, JsonNode inputRefs, JsonNode outputRefs, JsonNode metrics) {}

    record FlatStartStageBody(String runId, String stage, Integer stageNumber) {}

    record FlatCompleteStageBody(
            String runId,
            String stage,
            Integer stageNumber,
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
        router.patch("/api/v1/runs/{id}", r -> {
            PatchBody body = r.body(PatchBody.class);
            if (body.seed() == null || body.seed().isNull()) {
                throw new Invalid("seed", "is required: the company the run researches, with company_name and domain");
            }
            Seed seed = seed(body.seed());
            seed.requireCompany(runId(r), "naming it");
            return Response.ok(RunView.from(update.nameCompany(r.caller(), runId(r), seed)));
        });
        router.post("/api/v1/runs/{id}/complete", r -> {
            CompleteBody body = r.bodyOrEmpty(CompleteBody.class);
            return Response.ok(RunView.from(finish.complete(
                    r.caller(), runId(r), Optional.ofNullable(SharedViews.document(body.outputData())))));
        });
        router.post(
                "/api/v1/runs/{id}/fail",
                r -> Response.ok(RunView.from(
                        finish.fail(r.caller(), runId(r), r.body(FailBody.class).error()))));

        router.post("/api/v1/runs/{id}/stages/{stage}/start", r -> {
            r.bodyOrEmpty(EmptyBody.class);
            RunId run = runId(r);
            return stage(stages.start(r.caller(), run, stageName(r, run, r.path("stage"), null)));
        });
        router.post("/api/v1/runs/{id}/stages/{stage}/complete", r -> {
            CompleteStageBody b = r.bodyOrEmpty(CompleteStageBody.class);
            Stage.Outcome outcome = outcome(b.status(), b.errorSummary(), b.inputRefs(), b.outputRefs(), b.metrics());
            RunId run = runId(r);
            return stage(stages.complete(r.caller(), run, stageName(r, run, r.path("stage"), null), outcome));
        });
        router.post("/api/v1/stages/start", r -> {
            FlatStartStageBody b = r.body(FlatStartStageBody.class);
            required(b.runId(), b.stage(), b.stageNumber());
            RunId run = ids.of(r, b.runId());
            return stage(stages.start(r.caller(), run, stageName(r, run, b.stage(), b.stageNumber())));
        });
        router.post("/api/v1/stages/complete", r -> {
            FlatCompleteStageBody b = r.body(FlatCompleteStageBody.class);
            required(b.runId(), b.stage(), b.stageNumber());
            Stage.Outcome outcome = outcome(b.status(), b.errorSummary(), b.inputRefs(), b.outputRefs(), b.metrics());
            RunId run = ids.of(r, b.runId());
            return stage(stages.complete(r.caller(), run, stageName(r, run, b.stage(), b.stageNumber()), outcome));
        });
    }

    /** The optional body of action routes: nothing or {@code {}}. */
    record EmptyBody() {}

    /**
     * A stage named, or numbered: {@code stage_number}, or a path segment of digits on a run whose
     * pipeline defines its stages, is looked up in the pipeline's stages.
     */
    private String stageName(Request r, RunId run, String stage, Integer number) {
        if (number != null) {
            if (stage != null) {
                throw new Invalid("stage_number", "name the stage or number it, not both");
            }
            return stages.stageNamed(r.caller(), run, number);
        }
        if (stage.matches("[0-9]{1,6}")) {
            try {
                return stages.stageNamed(r.caller(), run, Integer.parseInt(stage));
            } catch (Invalid e) {
                return stage; // the run's pipeline numbers no stages: a stage named with digits
            }
        }
        return stage;
    }

    private Response start(Request r) {
        StartBody body = r.body(StartBody.class);
        var started = start.start(new StartRunUseCase.Command(
                r.caller(),
                Optional.ofNullable(body.client()),
                body.seed() == null || body.seed().isNull() ? Seed.NONE : seed(body.seed()),
                Optional.ofNullable(body.pipelineVersion()),
                Optional.ofNullable(body.externalId()),
                pipeline(body.pipeline()),
                Optional.ofNullable(body.triggeredBy()),
                Optional.ofNullable(SharedViews.document(body.inputData()))));
        return Response.of(started.created() ? 201 : 200, RunView.from(started.run()));
    }

    private Response stage(StageDetails details) {
        return Response.ok(StageView.from(details, clock.instant()));
    }

    /** {@code "key"}, or {@code {"key": "...", "version": 3}}. */
    private static Optional<StartRunUseCase.PipelineChoice> pipeline(JsonNode pipeline) {
        if (pipeline == null || pipeline.isNull()) {
            return Optional.empty();
        }
        if (pipeline.isTextual()) {
            return Optional.of(new StartRunUseCase.PipelineChoice(pipeline.textValue(), Optional.empty()));
        }
        if (pipeline.isObject() && pipeline.path("key").isTextual() && pipeline.size() <= 2) {
            JsonNode version = pipeline.get("version");
            if (version == null || version.isNull()) {
                return Optional.of(
                        new StartRunUseCase.PipelineChoice(pipeline.get("key").textValue(), Optional.empty()));
            }
            if (version.canConvertToExactIntegral() && version.canConvertToInt() && pipeline.size() == 2) {
                return Optional.of(new StartRunUseCase.PipelineChoice(
                        pipeline.get("key").textValue(), Optional.of(version.intValue())));
            }
        }
        throw new Invalid(
                "pipeline",
                "must be a pipeline key such as \"columnline-v2.main\", or {\"key\": \"...\", \"version\": 3}");
    }

    /**
     * The seed is kept whole, as free-form data; its identity fields, when given, must be strings. A
     * discovery run's seed names no company.
     */
    static Seed seed(JsonNode seed) {
        if (!seed.isObject()) {
            throw new Invalid("seed", "must be an object, e.g. with company_name and domain");
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
        return Stage.Outcome.of(
                status,
                Optional.ofNullable(errorSummary),
                Optional.ofNullable(SharedViews.document(inputRefs)),
                Optional.ofNullable(SharedViews.document(outputRefs)),
                Optional.ofNullable(SharedViews.document(metrics)));
    }

    private static void required(String runId, String stage, Integer number) {
        var problems = new Violations();
        if (runId == null) {
            problems.add("run_id", "is required: the id POST /api/v1/runs answered, or the run's external_id");
        }
        if (stage == null && number == null) {
            problems.add("stage", "is required: the stage name, e.g. research, or stage_number");
        }
        problems.throwIfAny();
    }

    private RunId runId(Request r) {
        return ids.of(r);
    }

    @Override
    public Optional<String> openApiFragment() {
        return Optional.of("/openapi/runs.json");
    }
}
