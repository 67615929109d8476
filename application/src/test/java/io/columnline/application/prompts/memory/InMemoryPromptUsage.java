package io.columnline.application.prompts.memory;

import io.columnline.application.prompts.port.out.PromptUsage;
import io.columnline.application.tracking.memory.InMemoryStepLog;
import io.columnline.domain.prompt.PromptKey;
import io.columnline.domain.run.Step;
import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;

/** Usage read from the in-memory step log, as the Postgres adapter reads it from the steps table. */
public final class InMemoryPromptUsage implements PromptUsage {
    private final InMemoryStepLog steps;

    public InMemoryPromptUsage(InMemoryStepLog steps) {
        this.steps = steps;
    }

    @Override
    public Map<Integer, Usage> byVersion(PromptKey key) {
        Map<Integer, Usage> usage = new TreeMap<>();
        steps.all()
                .filter(s -> s.entry().promptKey().equals(java.util.Optional.of(key.value()))
                        && s.entry().promptVersion().isPresent())
                .forEach(s -> usage.merge(
                        s.entry().promptVersion().get(),
                        new Usage(1, cost(s)),
                        (a, b) -> new Usage(
                                a.steps() + b.steps(), a.totalCostUsd().add(b.totalCostUsd()))));
        usage.replaceAll((version, u) -> new Usage(u.steps(), normalize(u.totalCostUsd())));
        return usage;
    }

    private static BigDecimal cost(Step step) {
        return step.costUsd().orElse(BigDecimal.ZERO);
    }

    private static BigDecimal normalize(BigDecimal amount) {
        BigDecimal stripped = amount.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
