package io.columnline.adapters.http.origin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.columnline.adapters.http.shared.Json;
import io.columnline.adapters.http.shared.Request;
import io.columnline.adapters.http.shared.Response;
import io.columnline.adapters.http.shared.Router;
import io.columnline.adapters.http.shared.Routes;
import io.columnline.adapters.http.shared.SharedViews.ContactView;
import io.columnline.application.prospects.port.in.RunContactsUseCase;
import io.columnline.application.tracking.port.in.FinishRunUseCase;
import io.columnline.application.tracking.port.in.ReadRunsUseCase;
import io.columnline.application.tracking.port.in.ReadStepsUseCase;
import io.columnline.application.tracking.port.in.RunAccess;
import io.columnline.application.tracking.port.in.RunDetails;
import io.columnline.application.tracking.port.in.RunDetails.StageDetails;
import io.columnline.application.tracking.port.in.StageUseCase;
import io.columnline.application.tracking.port.in.StartRunUseCase;
import io.columnline.domain.access.Caller;
import io.columnline.domain.error.Conflict;
import io.columnline.domain.error.Invalid;
import io.columnline.domain.error.NotFound;
import io.columnline.domain.error.Violations;
import io.columnline.domain.json.JsonDocument;
import io.columnline.domain.run.Run;
import io.columnline.domain.run.Seed;
import io.columnline.domain.run.Stage;
import io.columnline.domain.run.StageStatus;
import io.columnline.domain.run.Step;
import io.columnline.domain.run.StepStatus;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The origin's run, stage, output and contact routes, each onto the use case its {@code /api/v1}
 * twin calls: runs start, create, update and status; stages start and complete by number; step
 * outputs, completed step lookup and a run's contacts.
 */
final class OriginRunRoutes implements Routes {
    /** The V2 main pipeline's stages, as the origin numbers them. */
    static final List<String> STAGES =
            List.of("search_signal", "entity_research", "parallel_research", "parallel_agents", "publish");

    private static final DateTimeFormatter RUN_ID =
            DateTimeFormatter.ofPattern("'RUN_'yyyyMMdd'_'HHmmss").withZone(ZoneOffset.UTC);
    /**
     * The origin numbered dossiers {@code DOSS_YYYYMMDD_NNNN} by a counter of its own; Columnline
     * takes the run's time instead, which is unique wherever the run's id is.
     */
    private static final DateTimeFormatter DOSSIER_ID =
            DateTimeFormatter.ofPattern("'DOSS_'yyyyMMdd'_'HHmmss").withZone(ZoneOffset.UTC);

    private static final int MAX_SAME_SECOND = 100;

    private final StartRunUseCase start;
    private final RunAccess access;
    private final ReadRunsUseCase read;
    private final FinishRunUseCase finish;
    private final StageUseCase stages;
    private final ReadStepsUseCase steps;
    private final RunContactsUseCase contacts;
    private final Clock clock;

    @Inject
    OriginRunRoutes(
            StartRunUseCase start,
            RunAccess access,
            ReadRunsUseCase read,
            FinishRunUseCase finish,
            StageUseCase stages,
            ReadStepsUseCase steps,
            RunContactsUseCase contacts,
            Clock clock) {
        this.start = start;
        this.access = access;
        this.read = read;
        this.finish = finish;
        this.stages = stages;
        this.steps = steps;
        this.contacts = contacts;
        this.clock = clock;
    }

    @Override
    public void register(Router router) {
        router.post("/columnline/runs/start", this::startRun);
        router.post("/columnline/runs", this::createRun);
        router.put("/columnline/runs/{run_id}", this::updateRun);
        router.get("/columnline/runs/{run_id}/status", this::status);
        router.post("/columnline/stages/start", this::startStage);
        router.post("/columnline/stages/complete", this::completeStage);
        router.get("/columnline/outputs/{run_id}", this::outputs);
        router.get("/columnline/contacts/{run_id}", this::contactsOf);
        router.get("/columnline/pipeline_logs/{run_id}/completed", this::completed);
    }

    @Override
    public Optional<String> openApiFragment() {
        return Optional.of("/openapi/origin.json");
    }

    /** {@code runs/start}: the server makes the {@code RUN_…} id, as the origin did. */
    private Response startRun(Request r) {
        OriginBody body = OriginBody.of(r, Set.of("client_id", "seed_data", "triggered_by"));
        String client = body.required("client_id", "the client's id, e.g. CLT_EXAMPLE_001, or its slug");
        Seed seed = seed(body);
        Optional<String> triggeredBy = Optional.of(body.text("triggered_by").orElse("make.com"));
        Instant now = clock.instant();
        String base = RUN_ID.format(now);
        String dossierBase = DOSSIER_ID.format(now);
        for (int n = 1; n <= MAX_SAME_SECOND; n++) {
            String runId = n == 1 ? base : base + "_" + n;
            String dossierId = n == 1 ? dossierBase : dossierBase + "_" + n;
            ObjectNode inputData = Json.object();
            inputData.put("dossier_id", dossierId);
            try {
                var started = start.start(new StartRunUseCase.Command(
                        r.caller(),
                        Optional.of(client),
                        seed,
                        Optional.empty(),
                        Optional.of(runId),
                        Optional.empty(),
                        triggeredBy,
                        Optional.of(Json.document(inputData))));
                if (!started.created()) {
                    continue; // a run of this client took this second's id already
                }
                ObjectNode answer = answer(true, "run " + runId + " started", body);
                answer.put("run_id", runId);
                answer.put("dossier_id", dossierId);
                answer.put("client_id", client);
                answer.put("started_at", started.run().run().startedAt().toString());
                return Response.ok(answer);
            } catch (Conflict e) {
                // the same second's id with another seed: take the next one
            }
        }
        throw new Conflict("more than " + MAX_SAME_SECOND + " runs of this client started within one second");
    }

    /** {@code POST /runs}: Make.com made the id; the same id again answers the same run. */
    private Response createRun(Request r) {
        OriginBody body = OriginBody.of(
                r,
                Set.of("run_id", "client_id", "status", "seed_data", "dossier_id", "triggered_by", "config_snapshot"));
        String runId = body.required("run_id", "the scenario's run id, e.g. RUN_20260114_002901");
        String client = body.required("client_id", "the client's id, e.g. CLT_EXAMPLE_001, or its slug");
        Seed seed = seed(body);
        // the origin's config snapshot and dossier id are what the run was started with: its input_data
        ObjectNode data = Json.object();
        body.json("config_snapshot").ifPresent(c -> data.set("config_snapshot", c));
        body.text("dossier_id").ifPresent(d -> data.put("dossier_id", d));
        Optional<JsonDocument> inputData = data.isEmpty() ? Optional.empty() : Optional.of(Json.document(data));
        body.text("status")
                .filter(s -> !s.equals("running") && !s.equals("pending"))
                .ifPresent(s -> {
                    throw new Invalid(
                            "status", "a new run is pending or running; end it with PUT /columnline/runs/{run_id}");
                });
        var started = start.start(new StartRunUseCase.Command(
                r.caller(),
                Optional.of(client),
                seed,
                Optional.empty(),
                Optional.of(runId),
                Optional.empty(),
                Optional.of(body.text("triggered_by").orElse("make.com")),
                inputData));
        ObjectNode answer = answer(true, started.created() ? "run created" : "run already exists", body);
        answer.set("data", row(runId, started.run()));
        return Response.ok(answer);
    }

    private Response updateRun(Request r) {
        OriginBody body = OriginBody.of(r, Set.of("status", "completed_at", "error_message", "dossier_id"));
        String runId = r.path("run_id");
        RunDetails run = OriginRuns.find(access, read, r.caller(), runId);
        unstored(body, "completed_at", "dossier_id");
        Optional<String> error = body.text("error_message");
        RunDetails after = switch (body.text("status").orElse(error.isPresent() ? "failed" : "")) {
            case "completed" -> finish.complete(r.caller(), run.run().id());
            case "failed" -> finish.fail(r.caller(), run.run().id(), error.orElse("failed"));
            case "", "running", "pending" -> run;
            default -> throw new Invalid("status", "must be pending, running, completed or failed");
        };
        ObjectNode answer = answer(true, "run updated", body);
        answer.set("data", row(runId, after));
        return Response.ok(answer);
    }

    private Response status(Request r) {
        String runId = r.path("run_id");
        RunDetails details = OriginRuns.find(access, read, r.caller(), runId);
        Run run = details.run();
        List<String> done = new ArrayList<>();
        for (Step step : allSteps(r.caller(), details)) {
            String name = OriginRuns.stepName(step.entry().stepKey());
            if (step.entry().status() == StepStatus.SUCCESS && !done.contains(name)) {
                done.add(name);
            }
        }
        ObjectNode answer = Json.object();
        answer.put("run_id", runId);
        answer.put("status", OriginRuns.status(run.status()));
        ArrayNode names = answer.putArray("completed_steps");
        done.forEach(names::add);
        answer.putNull("current_step");
        answer.put("started_at", run.startedAt().toString());
        answer.put("completed_at", run.finishedAt().map(Instant::toString).orElse(null));
        answer.put("error_message", run.error().orElse(null));
        return Response.ok(answer);
    }

    private Response startStage(Request r) {
        OriginBody body = OriginBody.of(r, Set.of("run_id", "stage_number", "stage_name"));
        String runId = body.required("run_id", "the id runs/start answered");
        Optional<Integer> number = body.integer("stage_number");
        String name = stageName(number, body.text("stage_name"));
        RunDetails run = OriginRuns.find(access, read, r.caller(), runId);
        StageDetails stage = stages.start(r.caller(), run.run().id(), name);
        ObjectNode answer = answer(true, "stage " + name + " started", body);
        stageFields(answer, runId, number, stage);
        return Response.ok(answer);
    }

    private Response completeStage(Request r) {
        OriginBody body = OriginBody.of(r, Set.of("run_id", "stage_number", "stage_name", "error_message"));
        String runId = body.required("run_id", "the id runs/start answered");
        Optional<Integer> number = body.integer("stage_number");
        String name = stageName(number, body.text("stage_name"));
        Optional<String> error = body.text("error_message");
        RunDetails run = OriginRuns.find(access, read, r.caller(), runId);
        var outcome = new Stage.Outcome(
                error.isPresent() ? StageStatus.FAILURE : StageStatus.SUCCESS,
                error,
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
        StageDetails stage = stages.complete(r.caller(), run.run().id(), name, outcome);
        ObjectNode answer = answer(true, "stage " + name + (error.isPresent() ? " failed" : " completed"), body);
        stageFields(answer, runId, number, stage);
        Stage s = stage.stage().orElseThrow();
        answer.put("completed_at", s.finishedAt().map(Instant::toString).orElse(null));
        answer.put("duration_seconds", s.duration(clock.instant()).toMillis() / 1000.0);
        answer.put("status", error.isPresent() ? "failed" : "completed");
        return Response.ok(answer);
    }

    /** {@code ?steps=A,B}: the latest successful output of each; none named: of every step. */
    private Response outputs(Request r) {
        String runId = r.path("run_id");
        RunDetails run = OriginRuns.find(access, read, r.caller(), runId);
        List<Step> all = allSteps(r.caller(), run);
        List<String> wanted = r.query("steps")
                .map(s -> Arrays.stream(s.split(","))
                        .map(String::strip)
                        .filter(n -> !n.isEmpty())
                        .toList())
                .orElse(null);
        Map<String, Integer> position = positions(all);
        Map<String, Step> latest = new LinkedHashMap<>();
        for (Step step : all) {
            if (step.entry().status() == StepStatus.SUCCESS) {
                latest.merge(
                        step.entry().stepKey(),
                        step,
                        (a, b) -> b.entry().attempt() >= a.entry().attempt() ? b : a);
            }
        }
        ObjectNode answer = Json.object();
        answer.put("run_id", runId);
        ObjectNode outputs = answer.putObject("outputs");
        if (wanted == null) {
            latest.forEach((key, step) -> outputs.set(OriginRuns.stepName(key), output(runId, step, position)));
        } else {
            for (String name : wanted) {
                Step step = latest.get(OriginRuns.stepKey(name));
                if (step != null) {
                    outputs.set(name, output(runId, step, position));
                }
            }
        }
        return Response.ok(answer);
    }

    private Response contactsOf(Request r) {
        String runId = r.path("run_id");
        RunDetails run = OriginRuns.find(access, read, r.caller(), runId);
        var found = contacts.ofRun(r.caller(), run.run().id());
        ObjectNode answer = Json.object();
        answer.put("run_id", runId);
        answer.set(
                "contacts",
                Json.MAPPER.valueToTree(found.stream().map(ContactView::from).toList()));
        answer.put("count", found.size());
        return Response.ok(answer);
    }

    /** {@code found: false} with 200 while the step is not done, as the origin answers a poll. */
    private Response completed(Request r) {
        String runId = r.path("run_id");
        RunDetails run = OriginRuns.find(access, read, r.caller(), runId);
        String name = r.query("step_name")
                .orElseThrow(
                        () -> new Invalid("step_name", "is required: the step to look for, e.g. 1_SEARCH_BUILDER"));
        ObjectNode answer = Json.object();
        Step step;
        try {
            step = steps.latestSucceeded(r.caller(), run.run().id(), OriginRuns.stepKey(name));
        } catch (NotFound e) {
            answer.put("found", false);
            answer.putNull("step");
            return Response.ok(answer);
        }
        ObjectNode row = output(runId, step, positions(allSteps(r.caller(), run)));
        row.put("step_name", name);
        row.put("status", "completed");
        row.put("model_used", step.entry().model().orElse(null));
        answer.put("found", true);
        answer.set("step", row);
        return Response.ok(answer);
    }

    private List<Step> allSteps(Caller caller, RunDetails run) {
        return OriginRuns.allSteps(steps, caller, run);
    }

    private static Map<String, Integer> positions(List<Step> all) {
        return OriginRuns.positions(all);
    }

    private static ObjectNode output(String runId, Step step, Map<String, Integer> positions) {
        ObjectNode row = Json.object();
        row.put(
                "step_id",
                OriginRuns.stepId(runId, positions.getOrDefault(step.ref().toString(), 0)));
        row.set("output", step.entry().output().map(Json::node).orElse(null));
        row.put("completed_at", step.loggedAt().toString());
        var entry = step.entry();
        if (entry.tokensInput().isPresent() || entry.tokensOutput().isPresent()) {
            row.put(
                    "tokens_used",
                    entry.tokensInput().orElse(0L) + entry.tokensOutput().orElse(0L));
        } else {
            row.putNull("tokens_used");
        }
        if (entry.latencyMs().isPresent()) {
            row.put("runtime_seconds", entry.latencyMs().get() / 1000.0);
        } else {
            row.putNull("runtime_seconds");
        }
        return row;
    }

    /** The stage a number names in the V2 main pipeline, or the name given. */
    private static String stageName(Optional<Integer> number, Optional<String> name) {
        if (name.isPresent()) {
            return name.get().strip().toLowerCase(java.util.Locale.ROOT);
        }
        int n = number.orElseThrow(() -> new Invalid("stage_number", "is required: 1 to 5, or give stage_name"));
        if (n < 1 || n > STAGES.size()) {
            throw new Invalid("stage_number", "must be 1 to " + STAGES.size() + " (" + String.join(", ", STAGES) + ")");
        }
        return STAGES.get(n - 1);
    }

    private void stageFields(ObjectNode answer, String runId, Optional<Integer> number, StageDetails stage) {
        answer.put("step_id", stage.name());
        answer.put("run_id", runId);
        int n = number.orElse(STAGES.indexOf(stage.name()) + 1);
        if (n > 0) {
            answer.put("stage_number", n);
        } else {
            answer.putNull("stage_number");
        }
        answer.put("stage_name", stage.name());
        answer.put(
                "started_at", stage.stage().map(s -> s.startedAt().toString()).orElse(null));
    }

    /**
     * The seed, from {@code seed_data}: the whole object is kept; none (a discovery run, whose
     * company signal discovery names later) is {@link Seed#NONE}.
     */
    private static Seed seed(OriginBody body) {
        JsonNode data = body.json("seed_data").orElse(null);
        if (data == null) {
            return Seed.NONE;
        }
        if (!data.isObject()) {
            throw new Invalid("seed_data", "must be a JSON object (company_name and domain when known) or left out");
        }
        var problems = new Violations();
        String name = text(data, "company_name", problems);
        String domain = text(data, "domain", problems);
        String companyId = data.path("company_id").isValueNode()
                        && !data.path("company_id").isNull()
                ? data.get("company_id").asText()
                : null;
        problems.throwIfAny();
        try {
            return new Seed(name, domain, Optional.ofNullable(companyId), Json.document(data));
        } catch (Invalid e) {
            var renamed = new Violations();
            e.violations().forEach(v -> renamed.add(v.field().replaceFirst("^seed\\.", "seed_data."), v.message()));
            renamed.throwIfAny();
            throw e;
        }
    }

    private static String text(JsonNode data, String field, Violations problems) {
        JsonNode value = data.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            problems.add("seed_data." + field, "must be a string");
            return null;
        }
        return value.textValue();
    }

    private static void unstored(OriginBody body, String... fields) {
        for (String field : fields) {
            if (body.json(field).isPresent()) {
                body.warn(field + " is not stored by Columnline yet and was ignored");
            }
        }
    }

    private static ObjectNode answer(boolean success, String message, OriginBody body) {
        ObjectNode answer = Json.object();
        answer.put("success", success);
        answer.put("message", message);
        ArrayNode warnings = answer.putArray("warnings");
        body.warnings().forEach(warnings::add);
        return answer;
    }

    private static ObjectNode row(String runId, RunDetails details) {
        Run run = details.run();
        ObjectNode row = Json.object();
        row.put("run_id", runId);
        row.put("client_id", details.client().value());
        row.put("dossier_id", OriginRuns.dossierId(run).orElse(null));
        row.put("status", OriginRuns.status(run.status()));
        row.set("seed_data", Json.node(run.seed().document()));
        row.put("started_at", run.startedAt().toString());
        row.put("completed_at", run.finishedAt().map(Instant::toString).orElse(null));
        row.put("error_message", run.error().orElse(null));
        return row;
    }
}
