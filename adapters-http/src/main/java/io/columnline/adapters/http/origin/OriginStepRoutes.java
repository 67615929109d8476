package io.columnline.adapters.http.origin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.columnline.adapters.http.shared.Json;
import io.columnline.adapters.http.shared.Request;
import io.columnline.adapters.http.shared.Response;
import io.columnline.adapters.http.shared.Router;
import io.columnline.adapters.http.shared.Routes;
import io.columnline.application.tracking.port.in.ReadRunsUseCase;
import io.columnline.application.tracking.port.in.ReadStepsUseCase;
import io.columnline.application.tracking.port.in.RunAccess;
import io.columnline.application.tracking.port.in.RunDetails;
import io.columnline.application.tracking.port.in.StepLoopUseCase;
import io.columnline.application.tracking.port.in.StepLoopUseCase.Beginning;
import io.columnline.application.tracking.port.in.StepLoopUseCase.Completed;
import io.columnline.application.tracking.port.in.StepLoopUseCase.Completion;
import io.columnline.application.tracking.port.in.StepLoopUseCase.Preparation;
import io.columnline.application.tracking.port.in.StepLoopUseCase.Prepared;
import io.columnline.domain.error.Invalid;
import io.columnline.domain.error.NotFound;
import io.columnline.domain.error.Violations;
import io.columnline.domain.json.JsonDocument;
import io.columnline.domain.run.ProviderResponse;
import io.columnline.domain.run.Step;
import io.columnline.domain.run.StepEntry;
import io.columnline.domain.run.StepStatus;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The origin's step loop, onto {@link StepLoopUseCase} as {@code /api/v1}'s prepare, complete and
 * transition use it: steps prepare, complete and transition, and the {@code pipeline_logs} a
 * scenario writes for the steps whose input it builds itself. A step's {@code STEP_<run>_NN} id is
 * its place in the run's log; a step logged through {@code pipeline_logs} keeps the id the scenario
 * gave it as its instance.
 */
final class OriginStepRoutes implements Routes {
    /** The origin answers the media step's items as {@code media_data}: its own rule, kept here. */
    private static final String MEDIA_STEP = "8_media";

    private final StepLoopUseCase loop;
    private final RunAccess access;
    private final ReadRunsUseCase read;
    private final ReadStepsUseCase steps;

    @Inject
    OriginStepRoutes(StepLoopUseCase loop, RunAccess access, ReadRunsUseCase read, ReadStepsUseCase steps) {
        this.loop = loop;
        this.access = access;
        this.read = read;
        this.steps = steps;
    }

    @Override
    public void register(Router router) {
        router.post("/columnline/steps/prepare", this::prepare);
        router.post("/columnline/steps/complete", this::complete);
        router.post("/columnline/steps/transition", this::transition);
        router.post("/columnline/pipeline_logs", this::logStep);
        router.put("/columnline/pipeline_logs/{step_id}", this::updateLog);
    }

    @Override
    public Optional<String> openApiFragment() {
        return Optional.empty();
    }

    /** {@code step_names} items are names, or {@code {step_name, instance}} for one per contact. */
    private Response prepare(Request r) {
        OriginBody body =
                OriginBody.of(r, Set.of("run_id", "client_id", "dossier_id", "step_names", "step_name", "instance"));
        String runId = body.required("run_id", "the id runs/start answered");
        RunDetails run = OriginRuns.find(access, read, r.caller(), runId);
        checkDossier(body, run);
        List<Step> before = OriginRuns.allSteps(steps, r.caller(), run);
        List<String> names = new ArrayList<>();
        List<Preparation> wanted = new ArrayList<>();
        Optional<String> instance = body.text("instance");
        JsonNode list = body.json("step_names").orElse(null);
        var problems = new Violations();
        if (list == null) {
            String name = body.required("step_names", "the steps to prepare, e.g. [\"1_SEARCH_BUILDER\"]");
            names.add(name);
            wanted.add(new Preparation(OriginRuns.stepKey(name, before, false), instance));
        } else if (!list.isArray() || list.isEmpty()) {
            problems.add("step_names", "must be a non-empty array of step names");
        } else {
            for (int i = 0; i < list.size(); i++) {
                JsonNode item = list.get(i);
                if (item.isTextual() && !item.textValue().isBlank()) {
                    names.add(item.textValue());
                    wanted.add(new Preparation(OriginRuns.stepKey(item.textValue(), before, false), instance));
                } else if (item.isObject() && item.path("step_name").isTextual()) {
                    JsonNode own = item.get("instance");
                    if (own != null && !own.isNull() && !own.isTextual()) {
                        problems.add("step_names[" + i + "].instance", "must be a string");
                        continue;
                    }
                    names.add(item.get("step_name").textValue());
                    wanted.add(new Preparation(
                            OriginRuns.stepKey(item.get("step_name").textValue(), before, false),
                            own == null || own.isNull() ? instance : Optional.of(own.textValue())));
                } else {
                    problems.add(
                            "step_names[" + i + "]", "must be a step name, or {\"step_name\": ..., \"instance\": ...}");
                }
            }
        }
        problems.throwIfAny();
        List<Prepared> prepared = loop.prepareAll(r.caller(), run.run().id(), wanted);
        List<Step> all = OriginRuns.allSteps(steps, r.caller(), run);
        ObjectNode answer = Json.object();
        answer.put("success", true);
        answer.put("run_id", runId);
        ArrayNode out = answer.putArray("steps");
        for (int i = 0; i < prepared.size(); i++) {
            out.add(preparedStep(runId, names.get(i), prepared.get(i), all));
        }
        warnings(answer, body.warnings());
        return Response.ok(answer);
    }

    private Response complete(Request r) {
        OriginBody body = OriginBody.of(r, Set.of("run_id", "client_id", "dossier_id", "outputs"));
        String runId = body.required("run_id", "the id runs/start answered");
        RunDetails run = OriginRuns.find(access, read, r.caller(), runId);
        JsonNode outputs = body.json("outputs")
                .filter(o -> o.isArray() && !o.isEmpty())
                .orElseThrow(() -> new Invalid(
                        "outputs", "is required: a non-empty array of {step_name, output, step_id?, tokens_used?}"));
        List<Step> all = OriginRuns.allSteps(steps, r.caller(), run);
        List<String> names = new ArrayList<>();
        List<Completion> completions = new ArrayList<>();
        List<String> warnings = new ArrayList<>(body.warnings());
        var problems = new Violations();
        for (int i = 0; i < outputs.size(); i++) {
            JsonNode item = outputs.get(i);
            String at = "outputs[" + i + "]";
            if (!item.isObject()) {
                problems.add(at, "must be an object {step_name, output, step_id?, tokens_used?, runtime_seconds?}");
                continue;
            }
            try {
                OriginItem entry = new OriginItem(item, at);
                String name = entry.name("step_name");
                names.add(name);
                completions.add(completion(runId, all, name, entry, warnings));
                item.fieldNames().forEachRemaining(field -> {
                    if (!OriginItem.COMPLETE_FIELDS.contains(field)) {
                        warnings.add(at + "." + field + " is not used by Columnline and was ignored");
                    }
                });
            } catch (Invalid e) {
                problems.addAll(e.violations());
            }
        }
        problems.throwIfAny();
        List<Completed> done = loop.completeAll(r.caller(), run.run().id(), completions);
        List<Step> after = OriginRuns.allSteps(steps, r.caller(), run);
        ObjectNode answer = Json.object();
        answer.put("success", true);
        answer.put("run_id", runId);
        ArrayNode completedSteps = answer.putArray("steps_completed");
        ArrayNode people = Json.MAPPER.createArrayNode();
        JsonNode media = null;
        List<String> ready = new ArrayList<>();
        for (int i = 0; i < done.size(); i++) {
            Completed c = done.get(i);
            completedSteps.add(completedStep(runId, names.get(i), c, after));
            c.contacts().forEach(p -> people.add(Json.node(p)));
            if (c.step().entry().stepKey().equals(MEDIA_STEP)) {
                media = c.items().map(Json::node).orElse(null);
            }
            warnings.addAll(c.warnings());
            ready = c.ready();
        }
        answer.put("message", done.size() + (done.size() == 1 ? " step" : " steps") + " completed");
        answer.set("contacts", people);
        answer.set("media_data", media);
        ArrayNode next = answer.putArray("ready");
        ready.forEach(k -> next.add(OriginRuns.stepName(k)));
        warnings(answer, warnings);
        return Response.ok(answer);
    }

    private Response transition(Request r) {
        OriginBody body = OriginBody.of(
                r,
                Set.of(
                        "run_id",
                        "client_id",
                        "dossier_id",
                        "completed_step_name",
                        "completed_step_id",
                        "completed_step_output",
                        "completed_instance",
                        "tokens_used",
                        "runtime_seconds",
                        "next_step_name",
                        "next_instance"));
        String runId = body.required("run_id", "the id runs/start answered");
        RunDetails run = OriginRuns.find(access, read, r.caller(), runId);
        checkDossier(body, run);
        String completedName = body.required("completed_step_name", "the step the output completes");
        JsonNode output = body.json("completed_step_output")
                .orElseThrow(() -> new Invalid(
                        "completed_step_output", "is required: the step's output, or the whole provider response"));
        String nextName = body.required("next_step_name", "the step to prepare next");
        ObjectNode item = Json.object();
        item.set("output", output);
        body.text("completed_step_id").ifPresent(id -> item.put("step_id", id));
        body.text("completed_instance").ifPresent(id -> item.put("instance", id));
        body.json("tokens_used").ifPresent(t -> item.set("tokens_used", t));
        body.json("runtime_seconds").ifPresent(t -> item.set("runtime_seconds", t));
        List<String> warnings = new ArrayList<>(body.warnings());
        List<Step> all = OriginRuns.allSteps(steps, r.caller(), run);
        Completion completion = completion(runId, all, completedName, new OriginItem(item, ""), warnings);
        var done = loop.transition(
                r.caller(),
                run.run().id(),
                completion,
                List.of(new Preparation(nextKey(all, completion, nextName), body.text("next_instance"))));
        List<Step> after = OriginRuns.allSteps(steps, r.caller(), run);
        Completed c = done.completed();
        ObjectNode answer = Json.object();
        answer.put("success", true);
        answer.put("run_id", runId);
        ObjectNode completed = completedStep(runId, completedName, c, after);
        answer.set("completed_step", completed);
        answer.set("tokens_used", completed.get("tokens_used"));
        answer.set("runtime_seconds", completed.get("runtime_seconds"));
        answer.set("next_step", preparedStep(runId, nextName, done.prepared().get(0), after));
        ArrayNode people = answer.putArray("contacts");
        c.contacts().forEach(p -> people.add(Json.node(p)));
        warnings.addAll(c.warnings());
        warnings(answer, warnings);
        return Response.ok(answer);
    }

    /**
     * {@code pipeline_logs}: a step the scenario runs with an input it built. {@code running} (the
     * default) records a running attempt under the scenario's {@code step_id}; {@code completed} or
     * {@code failed} stores the finished step at once.
     */
    private Response logStep(Request r) {
        OriginBody body = OriginBody.of(
                r,
                Set.of(
                        "step_id",
                        "run_id",
                        "prompt_id",
                        "step_name",
                        "status",
                        "input",
                        "output",
                        "model_used",
                        "tokens_used",
                        "runtime_seconds",
                        "started_at",
                        "error_message"));
        String runId = body.required("run_id", "the id runs/start answered");
        String name = body.required("step_name", "the step's name, e.g. 1_SEARCH_BUILDER");
        Optional<String> stepId = body.text("step_id");
        RunDetails run = OriginRuns.find(access, read, r.caller(), runId);
        List<String> warnings = new ArrayList<>(body.warnings());
        body.text("prompt_id")
                .ifPresent(p -> warnings.add(
                        "prompt_id is not stored: the step's prompt is the one its pipeline" + " names, or none"));
        body.text("started_at").ifPresent(p -> warnings.add("started_at is not stored: the step is logged now"));
        String status = body.text("status").orElse("running");
        Step step;
        if (status.equals("running")) {
            step = loop.begin(
                    r.caller(),
                    run.run().id(),
                    new Beginning(
                            OriginRuns.stepKey(name),
                            stepId,
                            body.json("input").map(Json::document),
                            body.text("model_used")));
        } else {
            ObjectNode item = Json.object();
            body.json("output").ifPresent(o -> item.set("output", o));
            body.json("tokens_used").ifPresent(t -> item.set("tokens_used", t));
            body.json("runtime_seconds").ifPresent(t -> item.set("runtime_seconds", t));
            body.text("error_message").ifPresent(e -> item.put("error_message", e));
            item.put("status", status);
            Completion completion = finished(
                    OriginRuns.stepKey(name, OriginRuns.allSteps(steps, r.caller(), run), true),
                    stepId,
                    Optional.empty(),
                    new OriginItem(item, ""),
                    warnings);
            Completed c = loop.complete(r.caller(), run.run().id(), completion);
            step = c.step();
            warnings.addAll(c.warnings());
        }
        ObjectNode answer = Json.object();
        answer.put("success", true);
        answer.put("message", "step " + name + " logged");
        answer.set("data", logRow(runId, name, step, OriginRuns.allSteps(steps, r.caller(), run)));
        warnings(answer, warnings);
        return Response.ok(answer);
    }

    private Response updateLog(Request r) {
        OriginBody body = OriginBody.of(
                r, Set.of("status", "output", "tokens_used", "runtime_seconds", "completed_at", "error_message"));
        String stepId = r.path("step_id");
        String runId = OriginRuns.runOfStepId(stepId).orElseThrow(() -> new NotFound("pipeline log", stepId));
        RunDetails run;
        try {
            run = OriginRuns.find(access, read, r.caller(), runId);
        } catch (NotFound e) {
            throw new NotFound("pipeline log", stepId);
        }
        List<Step> all = OriginRuns.allSteps(steps, r.caller(), run);
        Step logged = OriginRuns.byStepId(all, runId, stepId).orElseThrow(() -> new NotFound("pipeline log", stepId));
        String name = OriginRuns.stepName(logged.entry().stepKey());
        List<String> warnings = new ArrayList<>(body.warnings());
        body.text("completed_at").ifPresent(p -> warnings.add("completed_at is not stored: the step is finished now"));
        String status = body.text("status").orElse(body.text("error_message").isPresent() ? "failed" : "completed");
        Step step = logged;
        if (!status.equals("running")) {
            ObjectNode item = Json.object();
            body.json("output").ifPresent(o -> item.set("output", o));
            body.json("tokens_used").ifPresent(t -> item.set("tokens_used", t));
            body.json("runtime_seconds").ifPresent(t -> item.set("runtime_seconds", t));
            body.text("error_message").ifPresent(e -> item.put("error_message", e));
            item.put("status", status);
            Optional<Integer> attempt = logged.entry().status() == StepStatus.RUNNING
                    ? Optional.of(logged.entry().attempt())
                    : Optional.empty();
            Completion completion = finished(
                    name,
                    Optional.of(logged.entry().instance()).filter(s -> !s.isEmpty()),
                    attempt,
                    new OriginItem(item, ""),
                    warnings);
            Completed c = loop.complete(r.caller(), run.run().id(), completion);
            step = c.step();
            warnings.addAll(c.warnings());
        }
        ObjectNode answer = Json.object();
        answer.put("success", true);
        answer.put("message", "step " + name + " updated");
        answer.set("data", logRow(runId, name, step, OriginRuns.allSteps(steps, r.caller(), run)));
        warnings(answer, warnings);
        return Response.ok(answer);
    }

    /** A completion of the step a name (and maybe a {@code step_id}) names; the step id finds its attempt. */
    private static Completion completion(
            String runId, List<Step> all, String name, OriginItem item, List<String> warnings) {
        Optional<String> stepId = item.text("step_id");
        Optional<String> instance = item.text("instance");
        Optional<Integer> attempt = Optional.empty();
        String key = OriginRuns.stepKey(name, all, true);
        if (stepId.isPresent()) {
            Optional<Step> named = OriginRuns.byStepId(all, runId, stepId.get());
            boolean claims = OriginRuns.stepKey(name).equals(OriginRuns.CLAIMS_EXTRACTION)
                    && named.isPresent()
                    && named.get().entry().stepKey().startsWith("claims_");
            if (named.isPresent() && (claims || named.get().entry().stepKey().equals(key))) {
                key = named.get().entry().stepKey();
                instance = Optional.of(named.get().entry().instance()).filter(s -> !s.isEmpty());
                if (named.get().entry().status() == StepStatus.RUNNING) {
                    attempt = Optional.of(named.get().entry().attempt());
                }
            } else {
                warnings.add(item.at("step_id") + " " + stepId.get() + " names no prepared " + name
                        + " of this run: the newest running " + name + " is completed");
            }
        }
        return finished(key, instance, attempt, item, warnings);
    }

    /** The step a transition prepares, as the run will be once the completion is stored. */
    private static String nextKey(List<Step> all, Completion completion, String nextName) {
        if (!OriginRuns.stepKey(nextName).equals(OriginRuns.CLAIMS_EXTRACTION)) {
            return OriginRuns.stepKey(nextName);
        }
        java.util.Set<String> succeeded = OriginRuns.succeeded(all);
        succeeded.add(completion.stepKey());
        return OriginRuns.claimsStep(succeeded).orElse(OriginRuns.CLAIMS_EXTRACTION);
    }

    /** {@code key} is the step key the name means in this run. */
    private static Completion finished(
            String key, Optional<String> instance, Optional<Integer> attempt, OriginItem item, List<String> warnings) {
        JsonDocument output = item.json("output").map(Json::document).orElse(null);
        Optional<String> error = item.text("error_message");
        Optional<String> status = item.text("status").map(s -> switch (s) {
            case "completed", "success" -> "success";
            case "failed", "failure" -> "failure";
            default -> throw new Invalid(item.at("status"), "must be running, completed or failed");
        });
        if (output == null) {
            if (error.isEmpty() && !status.equals(Optional.of("failure"))) {
                throw new Invalid(item.at("output"), "is required: the step's output, or the whole provider response");
            }
            output = new JsonDocument("null");
        }
        Optional<Long> tokens = item.whole("tokens_used");
        Optional<Long> tokensOutput = Optional.empty();
        if (tokens.isPresent() && !ProviderResponse.read(Optional.of(output)).hasUsage()) {
            tokensOutput = tokens;
            warnings.add(item.at("tokens_used") + " is a total of input and output tokens; it is stored as output"
                    + " tokens, so the step's cost is an upper bound");
        }
        Optional<Long> latency = item.seconds("runtime_seconds").map(s -> Math.round(s * 1000));
        return new Completion(
                key,
                instance,
                output,
                status,
                error,
                latency,
                Optional.empty(),
                tokensOutput,
                Optional.<BigDecimal>empty(),
                attempt);
    }

    private static void checkDossier(OriginBody body, RunDetails run) {
        Optional<String> given = body.text("dossier_id");
        Optional<String> own = OriginRuns.dossierId(run.run());
        if (given.isPresent() && own.isPresent() && !given.equals(own)) {
            body.warn("dossier_id " + given.get() + " is not this run's dossier (" + own.get()
                    + "); the run's own is used");
        }
    }

    private static ObjectNode preparedStep(String runId, String name, Prepared p, List<Step> all) {
        Map<String, Integer> positions = OriginRuns.positions(all);
        ObjectNode step = Json.object();
        step.put("step_id", stepId(runId, p.step(), positions));
        step.put("step_name", name);
        step.put("instance", p.instance().isEmpty() ? null : p.instance());
        step.put("attempt", p.attempt());
        step.put(
                "prompt_id",
                p.prompt().key() + p.prompt().version().map(v -> "@" + v).orElse(""));
        step.put("prompt_slug", p.prompt().key());
        step.put("prompt_template", p.prompt().template());
        step.put("model_used", p.model().orElse(null));
        step.set("model_params", Json.node(p.modelParams()));
        step.set("input", Json.node(p.input()));
        return step;
    }

    private static ObjectNode completedStep(String runId, String name, Completed c, List<Step> all) {
        ObjectNode step = stepRow(runId, name, c.step(), all);
        step.set("clean_output", c.clean().map(Json::node).orElse(null));
        step.set("items", c.items().map(Json::node).orElse(null));
        return step;
    }

    private static ObjectNode logRow(String runId, String name, Step step, List<Step> all) {
        ObjectNode row = stepRow(runId, name, step, all);
        row.put("run_id", runId);
        row.set("input", step.entry().input().map(Json::node).orElse(null));
        row.set("output", step.entry().output().map(Json::node).orElse(null));
        row.put("started_at", step.loggedAt().toString());
        row.put("error_message", step.entry().error().orElse(null));
        return row;
    }

    private static ObjectNode stepRow(String runId, String name, Step step, List<Step> all) {
        StepEntry e = step.entry();
        ObjectNode row = Json.object();
        row.put("step_id", stepId(runId, step, OriginRuns.positions(all)));
        row.put("step_name", name);
        row.put("instance", e.instance().isEmpty() ? null : e.instance());
        row.put("attempt", e.attempt());
        row.put(
                "status",
                switch (e.status()) {
                    case RUNNING -> "running";
                    case SUCCESS -> "completed";
                    case FAILURE -> "failed";
                });
        row.put("model_used", e.model().orElse(null));
        if (e.tokensInput().isPresent() || e.tokensOutput().isPresent()) {
            row.put("tokens_used", e.tokensInput().orElse(0L) + e.tokensOutput().orElse(0L));
        } else {
            row.putNull("tokens_used");
        }
        if (e.latencyMs().isPresent()) {
            row.put("runtime_seconds", e.latencyMs().get() / 1000.0);
        } else {
            row.putNull("runtime_seconds");
        }
        row.put("cost_usd", step.costUsd().orElse(null));
        row.put("cost_source", step.costSource().wire());
        return row;
    }

    /** The scenario's own id of a step logged through pipeline_logs, else its place in the run's log. */
    private static String stepId(String runId, Step step, Map<String, Integer> positions) {
        String instance = step.entry().instance();
        if (instance.startsWith("STEP_")) {
            return instance;
        }
        return OriginRuns.stepId(runId, positions.getOrDefault(step.ref().toString(), 0));
    }

    private static void warnings(ObjectNode answer, List<String> warnings) {
        ArrayNode list = answer.putArray("warnings");
        warnings.forEach(list::add);
    }

    /** One object of a body's list, read as leniently as {@link OriginBody} reads a body. */
    private record OriginItem(JsonNode node, String path) {
        static final Set<String> COMPLETE_FIELDS = Set.of(
                "step_name",
                "output",
                "step_id",
                "instance",
                "tokens_used",
                "runtime_seconds",
                "status",
                "error_message");

        String at(String field) {
            return path.isEmpty() ? field : path + "." + field;
        }

        Optional<JsonNode> json(String field) {
            JsonNode value = node.get(field);
            return value == null || value.isNull() ? Optional.empty() : Optional.of(value);
        }

        Optional<String> text(String field) {
            Optional<JsonNode> value = json(field);
            if (value.isEmpty()) {
                return Optional.empty();
            }
            if (!value.get().isTextual()) {
                throw new Invalid(at(field), "must be a string");
            }
            return Optional.of(value.get().textValue()).filter(s -> !s.isBlank());
        }

        String name(String field) {
            return text(field).orElseThrow(() -> new Invalid(at(field), "is required: the step's name"));
        }

        Optional<Long> whole(String field) {
            Optional<JsonNode> value = json(field);
            if (value.isEmpty()) {
                return Optional.empty();
            }
            JsonNode v = value.get();
            if (v.isIntegralNumber() && v.canConvertToLong() && v.longValue() >= 0) {
                return Optional.of(v.longValue());
            }
            if (v.isTextual() && v.textValue().strip().matches("[0-9]{1,15}")) {
                return Optional.of(Long.parseLong(v.textValue().strip()));
            }
            throw new Invalid(at(field), "must be a whole number of tokens");
        }

        Optional<Double> seconds(String field) {
            Optional<JsonNode> value = json(field);
            if (value.isEmpty()) {
                return Optional.empty();
            }
            JsonNode v = value.get();
            double seconds;
            if (v.isNumber()) {
                seconds = v.doubleValue();
            } else if (v.isTextual() && v.textValue().strip().matches("[0-9]{1,9}(\\.[0-9]{1,9})?")) {
                seconds = Double.parseDouble(v.textValue().strip());
            } else {
                throw new Invalid(at(field), "must be a number of seconds");
            }
            if (!(seconds >= 0) || seconds > 86_400 * 7) {
                throw new Invalid(at(field), "must be between 0 and 604800 seconds");
            }
            return Optional.of(seconds);
        }
    }
}
