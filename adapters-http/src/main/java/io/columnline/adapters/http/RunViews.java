package io.columnline.adapters.http;

import com.fasterxml.jackson.annotation.JsonRawValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.columnline.application.port.in.ReadRunsUseCase.ListedRun;
import io.columnline.application.port.in.RunDetails;
import io.columnline.application.port.in.RunDetails.StageDetails;
import io.columnline.domain.json.JsonDocument;
import io.columnline.domain.run.Run;
import io.columnline.domain.run.Stage;
import io.columnline.domain.run.Step;
import io.columnline.domain.run.StepEntry;
import io.columnline.domain.run.Totals;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** How runs, stages, steps and their totals look on the wire; stored JSON is written as is. */
final class RunViews {
    private RunViews() {}

    record RunView(
            String id,
            String client,
            String clientId,
            String status,
            @JsonRawValue String seed,
            String pipelineVersion,
            String externalId,
            String error,
            Instant startedAt,
            Instant finishedAt,
            long durationMs,
            TotalsView totals,
            List<StageView> stages) {
        static RunView from(RunDetails d) {
            Run r = d.run();
            return new RunView(
                    r.id().toString(),
                    d.client().value(),
                    r.client().toString(),
                    r.status().wire(),
                    r.seed().document().text(),
                    r.pipelineVersion(),
                    r.externalId().orElse(null),
                    r.error().orElse(null),
                    r.startedAt(),
                    r.finishedAt().orElse(null),
                    millis(r.duration(d.asOf())),
                    TotalsView.from(d.totals()),
                    d.stages().stream().map(s -> StageView.from(s, d.asOf())).toList());
        }
    }

    record ListedRunView(
            String id,
            String client,
            String clientId,
            String status,
            @JsonRawValue String seed,
            String pipelineVersion,
            String externalId,
            String error,
            Instant startedAt,
            Instant finishedAt) {
        static ListedRunView from(ListedRun listed) {
            Run r = listed.run();
            return new ListedRunView(
                    r.id().toString(),
                    listed.client().value(),
                    r.client().toString(),
                    r.status().wire(),
                    r.seed().document().text(),
                    r.pipelineVersion(),
                    r.externalId().orElse(null),
                    r.error().orElse(null),
                    r.startedAt(),
                    r.finishedAt().orElse(null));
        }
    }

    /** A stage named only by steps, never started or completed, has no status, attempts or times. */
    record StageView(
            String stage,
            String status,
            Integer attempts,
            String errorSummary,
            @JsonRawValue String inputRefs,
            @JsonRawValue String outputRefs,
            @JsonRawValue String metrics,
            Instant startedAt,
            Instant finishedAt,
            Long durationMs,
            TotalsView totals) {
        static StageView from(StageDetails d, Instant asOf) {
            Optional<Stage> s = d.stage();
            return new StageView(
                    d.name(),
                    s.map(st -> st.status().wire()).orElse(null),
                    s.map(Stage::attempts).orElse(null),
                    s.flatMap(Stage::errorSummary).orElse(null),
                    s.flatMap(Stage::inputRefs).map(JsonDocument::text).orElse(null),
                    s.flatMap(Stage::outputRefs).map(JsonDocument::text).orElse(null),
                    s.flatMap(Stage::metrics).map(JsonDocument::text).orElse(null),
                    s.map(Stage::startedAt).orElse(null),
                    s.flatMap(Stage::finishedAt).orElse(null),
                    s.map(st -> millis(st.duration(asOf))).orElse(null),
                    TotalsView.from(d.totals()));
        }
    }

    record StepCounts(long total, long success, long failure) {}

    record TotalsView(
            StepCounts steps,
            long tokensInput,
            long tokensOutput,
            @JsonSerialize(using = PlainDecimal.class) BigDecimal costUsd,
            long stepsWithoutCost,
            long latencyMs) {
        static TotalsView from(Totals t) {
            return new TotalsView(
                    new StepCounts(t.steps(), t.succeeded(), t.failed()),
                    t.tokensInput(),
                    t.tokensOutput(),
                    t.costUsd(),
                    t.stepsWithoutCost(),
                    t.latencyMs());
        }
    }

    record StepView(
            String runId,
            String stepKey,
            int attempt,
            String stage,
            String section,
            String promptKey,
            Integer promptVersion,
            String model,
            @JsonRawValue String input,
            @JsonRawValue String output,
            Long tokensInput,
            Long tokensOutput,
            @JsonSerialize(using = PlainDecimal.class) BigDecimal costUsd,
            String costSource,
            Long latencyMs,
            String status,
            String error,
            Instant loggedAt) {
        static StepView from(Step step) {
            StepEntry e = step.entry();
            return new StepView(
                    step.run().toString(),
                    e.stepKey(),
                    e.attempt(),
                    e.stage(),
                    e.section().orElse(null),
                    e.promptKey().orElse(null),
                    e.promptVersion().orElse(null),
                    e.model().orElse(null),
                    e.input().map(JsonDocument::text).orElse(null),
                    e.output().map(JsonDocument::text).orElse(null),
                    e.tokensInput().orElse(null),
                    e.tokensOutput().orElse(null),
                    step.costUsd().orElse(null),
                    step.costSource().wire(),
                    e.latencyMs().orElse(null),
                    e.status().wire(),
                    e.error().orElse(null),
                    step.loggedAt());
        }
    }

    static long millis(Duration duration) {
        return duration.toMillis();
    }

    /** JSON {@code null} and a missing field both mean "not given". */
    static JsonDocument document(JsonNode node) {
        return node == null || node.isNull() ? null : Json.document(node);
    }
}
