package io.columnline.adapters.http.tracking;

import com.fasterxml.jackson.annotation.JsonRawValue;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.columnline.adapters.http.shared.PlainDecimal;
import io.columnline.domain.json.JsonDocument;
import io.columnline.domain.run.Step;
import io.columnline.domain.run.StepEntry;
import java.math.BigDecimal;
import java.time.Instant;

/** How runs, stages, steps and their totals look on the wire; stored JSON is written as is. */
final class RunViews {
    private RunViews() {}

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
            Instant loggedAt,
            String instance,
            String warning) {
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
                    step.loggedAt(),
                    e.instance().isEmpty() ? null : e.instance(),
                    step.warning().orElse(null));
        }
    }
}
