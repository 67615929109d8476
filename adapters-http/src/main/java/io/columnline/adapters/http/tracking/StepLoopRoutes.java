package io.columnline.adapters.http.tracking;

import com.fasterxml.jackson.annotation.JsonRawValue;
import com.fasterxml.jackson.databind.JsonNode;
import io.columnline.adapters.http.shared.Json;
import io.columnline.adapters.http.shared.Request;
import io.columnline.adapters.http.shared.Response;
import io.columnline.adapters.http.shared.Router;
import io.columnline.adapters.http.shared.Routes;
import io.columnline.adapters.http.tracking.RunViews.StepView;
import io.columnline.application.tracking.port.in.StepLoopUseCase;
import io.columnline.application.tracking.port.in.StepLoopUseCase.Completed;
import io.columnline.application.tracking.port.in.StepLoopUseCase.Completion;
import io.columnline.application.tracking.port.in.StepLoopUseCase.Preparation;
import io.columnline.application.tracking.port.in.StepLoopUseCase.Prepared;
import io.columnline.domain.error.Invalid;
import io.columnline.domain.error.Violations;
import io.columnline.domain.json.JsonDocument;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The loop Make.com drives over a run's pipeline: prepare a step, complete it, or both at once. */
final class StepLoopRoutes implements Routes {
    private final StepLoopUseCase loop;
    private final RunIds ids;

    @Inject
    StepLoopRoutes(StepLoopUseCase loop, RunIds ids) {
        this.loop = loop;
        this.ids = ids;
    }

    record PrepareBody(String instance) {}

    record CompleteBody(
            String stepKey,
            String instance,
            JsonNode output,
            String status,
            JsonNode error,
            Long latencyMs,
            Long tokensInput,
            Long tokensOutput,
            BigDecimal costUsd) {
        Completion completion(String key) {
            if (output == null || output.isMissingNode()) {
                throw new Invalid("output", "is required: the step's output, or the whole provider response");
            }
            return new Completion(
                    key,
                    Optional.ofNullable(instance),
                    Json.document(output),
                    Optional.ofNullable(status),
                    Optional.ofNullable(
                            error == null || error.isNull()
                                    ? null
                                    : error.isTextual() ? error.textValue() : error.toString()),
                    Optional.ofNullable(latencyMs),
                    Optional.ofNullable(tokensInput),
                    Optional.ofNullable(tokensOutput),
                    Optional.ofNullable(costUsd));
        }
    }

    /** {@code prepare} items are step keys, or {@code {"step_key": ..., "instance": ...}}. */
    record TransitionBody(CompleteBody complete, List<JsonNode> prepare) {}

    record PromptView(String key, Integer version, String template) {}

    record PreparedView(
            String stepKey,
            String instance,
            int attempt,
            Integer stage,
            PromptView prompt,
            String model,
            @JsonRawValue String modelParams,
            @JsonRawValue String input) {
        static PreparedView from(Prepared p) {
            return new PreparedView(
                    p.stepKey(),
                    p.instance().isEmpty() ? null : p.instance(),
                    p.attempt(),
                    p.stage().orElse(null),
                    new PromptView(
                            p.prompt().key(),
                            p.prompt().version().orElse(null),
                            p.prompt().template()),
                    p.model().orElse(null),
                    p.modelParams().text(),
                    p.input().text());
        }
    }

    record CompletedView(
            StepView step,
            @JsonRawValue String clean,
            @JsonRawValue String items,
            @JsonRawValue String contacts,
            List<String> ready,
            List<String> warnings,
            boolean prepared) {
        static CompletedView from(Completed c) {
            return new CompletedView(
                    StepView.from(c.step()),
                    c.clean().map(JsonDocument::text).orElse(null),
                    c.items().map(JsonDocument::text).orElse(null),
                    c.contacts().isEmpty()
                            ? null
                            : "["
                                    + String.join(
                                            ",",
                                            c.contacts().stream()
                                                    .map(JsonDocument::text)
                                                    .toList()) + "]",
                    c.ready(),
                    c.warnings(),
                    c.wasPrepared());
        }
    }

    record TransitionView(CompletedView completed, List<PreparedView> prepared) {}

    @Override
    public void register(Router router) {
        router.post("/api/v1/runs/{id}/steps/{step_key}/prepare", r -> {
            PrepareBody body = r.bodyOrEmpty(PrepareBody.class);
            Prepared prepared = loop.prepare(
                    r.caller(), ids.of(r), new Preparation(r.path("step_key"), Optional.ofNullable(body.instance())));
            return Response.of(201, PreparedView.from(prepared));
        });
        router.post("/api/v1/runs/{id}/steps/{step_key}/complete", r -> {
            CompleteBody body = r.body(CompleteBody.class);
            if (body.stepKey() != null) {
                throw new Invalid("step_key", "is taken from the path here; leave it out of the body");
            }
            Completed completed = loop.complete(r.caller(), ids.of(r), body.completion(r.path("step_key")));
            return Response.ok(CompletedView.from(completed));
        });
        router.post("/api/v1/runs/{id}/transition", this::transition);
    }

    private Response transition(Request r) {
        TransitionBody body = r.body(TransitionBody.class);
        var problems = new Violations();
        if (body.complete() == null) {
            problems.add("complete", "is required: {step_key, instance?, output}");
        } else if (body.complete().stepKey() == null) {
            problems.add("complete.step_key", "is required: the step the output completes");
        }
        List<Preparation> next = new ArrayList<>();
        List<JsonNode> items = body.prepare() == null ? List.of() : body.prepare();
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            if (item != null && item.isTextual()) {
                next.add(new Preparation(item.textValue(), Optional.empty()));
            } else if (item != null
                    && item.isObject()
                    && item.path("step_key").isTextual()
                    && (item.get("instance") == null
                            || item.get("instance").isNull()
                            || item.get("instance").isTextual())
                    && item.size() <= 2
                    && (item.size() == 1 || item.has("instance"))) {
                JsonNode instance = item.get("instance");
                next.add(new Preparation(
                        item.get("step_key").textValue(),
                        Optional.ofNullable(instance == null || instance.isNull() ? null : instance.textValue())));
            } else {
                problems.add("prepare[" + i + "]", "must be a step key, or {\"step_key\": ..., \"instance\": ...}");
            }
        }
        problems.throwIfAny();
        var done = loop.transition(
                r.caller(),
                ids.of(r),
                body.complete().completion(body.complete().stepKey()),
                next);
        return Response.ok(new TransitionView(
                CompletedView.from(done.completed()),
                done.prepared().stream().map(PreparedView::from).toList()));
    }

    @Override
    public Optional<String> openApiFragment() {
        return Optional.of("/openapi/step-loop.json");
    }
}
