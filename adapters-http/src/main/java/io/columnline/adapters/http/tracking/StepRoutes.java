package io.columnline.adapters.http.tracking;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.columnline.adapters.http.shared.ListBody;
import io.columnline.adapters.http.shared.PlainDecimal;
import io.columnline.adapters.http.shared.Response;
import io.columnline.adapters.http.shared.Router;
import io.columnline.adapters.http.shared.Routes;
import io.columnline.adapters.http.shared.SharedViews;
import io.columnline.adapters.http.tracking.RunViews.StepView;
import io.columnline.application.tracking.port.in.LogStepsUseCase;
import io.columnline.application.tracking.port.in.LogStepsUseCase.Logged;
import io.columnline.application.tracking.port.in.ReadStepsUseCase;
import io.columnline.domain.error.Invalid;
import io.columnline.domain.run.Step;
import io.columnline.domain.run.StepEntry;
import io.columnline.domain.run.StepStatus;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Logging LLM steps of a run, one by one or in batches, and reading them back. */
final class StepRoutes implements Routes {
    private final LogStepsUseCase log;
    private final ReadStepsUseCase read;
    private final RunIds ids;

    @Inject
    StepRoutes(LogStepsUseCase log, ReadStepsUseCase read, RunIds ids) {
        this.log = log;
        this.read = read;
        this.ids = ids;
    }

    record StepBody(
            String stepKey,
            Integer attempt,
            String stage,
            String section,
            String promptKey,
            Integer promptVersion,
            String model,
            JsonNode input,
            JsonNode output,
            Long tokensInput,
            Long tokensOutput,
            BigDecimal costUsd,
            Long latencyMs,
            String status,
            JsonNode error) {

        StepEntry.Draft draft() {
            return new StepEntry.Draft(
                    stepKey,
                    attempt,
                    stage,
                    section,
                    promptKey,
                    promptVersion,
                    model,
                    SharedViews.document(input),
                    SharedViews.document(output),
                    tokensInput,
                    tokensOutput,
                    costUsd,
                    latencyMs,
                    status,
                    error == null || error.isNull() ? null : error.isTextual() ? error.textValue() : error.toString());
        }
    }

    record BatchBody(List<StepBody> steps) {}

    /** A batch answers a summary per step, without the inputs and outputs it was sent. */
    record LoggedView(
            String stepKey,
            int attempt,
            String stage,
            String status,
            @JsonSerialize(using = PlainDecimal.class) BigDecimal costUsd,
            String costSource,
            Instant loggedAt,
            boolean created) {
        static LoggedView from(Logged logged) {
            Step s = logged.step();
            return new LoggedView(
                    s.entry().stepKey(),
                    s.entry().attempt(),
                    s.entry().stage(),
                    s.entry().status().wire(),
                    s.costUsd().orElse(null),
                    s.costSource().wire(),
                    s.loggedAt(),
                    logged.created());
        }
    }

    record BatchView(List<LoggedView> data, long created, long unchanged) {}

    @Override
    public void register(Router router) {
        router.post("/api/v1/runs/{id}/steps", r -> {
            Logged logged =
                    log.log(r.caller(), ids.of(r), r.body(StepBody.class).draft());
            return Response.of(logged.created() ? 201 : 200, StepView.from(logged.step()));
        });
        router.post("/api/v1/runs/{id}/steps/batch", r -> {
            BatchBody body = r.body(BatchBody.class);
            if (body.steps() == null) {
                throw new Invalid("steps", "is required: an array of up to " + LogStepsUseCase.MAX_BATCH + " steps");
            }
            List<StepEntry.Draft> drafts = new ArrayList<>(body.steps().size());
            body.steps().forEach(step -> drafts.add(step == null ? null : step.draft()));
            List<LoggedView> views = log.logBatch(r.caller(), ids.of(r), drafts).stream()
                    .map(LoggedView::from)
                    .toList();
            long created = views.stream().filter(LoggedView::created).count();
            return Response.of(created > 0 ? 201 : 200, new BatchView(views, created, views.size() - created));
        });
        router.get(
                "/api/v1/runs/{id}/steps",
                r -> Response.ok(ListBody.of(
                        read.list(
                                r.caller(),
                                ids.of(r),
                                new ReadStepsUseCase.Query(
                                        r.query("stage"), r.query("status").map(s -> StepStatus.parse("status", s))),
                                r.page()),
                        StepView::from)));
        router.get("/api/v1/runs/{id}/steps/{step_key}", r -> {
            Optional<Integer> attempt = r.query("attempt").map(StepRoutes::attempt);
            Step step = attempt.isPresent()
                    ? read.attempt(r.caller(), ids.of(r), r.path("step_key"), attempt.get())
                    : read.latestSucceeded(r.caller(), ids.of(r), r.path("step_key"));
            return Response.ok(StepView.from(step));
        });
    }

    private static int attempt(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new Invalid("attempt", "must be a whole number of 1 or more");
        }
    }

    @Override
    public Optional<String> openApiFragment() {
        return Optional.of("/openapi/steps.json");
    }
}
