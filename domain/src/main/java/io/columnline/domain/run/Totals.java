package io.columnline.domain.run;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Objects;

/**
 * What a set of steps (a stage's, a run's) added up to. Every attempt counts: a failed attempt
 * spent tokens too. {@code stepsWithoutCost} tells how many steps the cost total is missing.
 */
public record Totals(
        long steps,
        long succeeded,
        long failed,
        long tokensInput,
        long tokensOutput,
        BigDecimal costUsd,
        long stepsWithoutCost,
        long latencyMs) {

    public static final Totals NONE = new Totals(0, 0, 0, 0, 0, BigDecimal.ZERO, 0, 0);

    public Totals {
        Objects.requireNonNull(costUsd, "costUsd");
        costUsd = Money.normalize(costUsd);
    }

    public static Totals of(Step step) {
        StepEntry e = step.entry();
        return new Totals(
                1,
                e.status() == StepStatus.SUCCESS ? 1 : 0,
                e.status() == StepStatus.FAILURE ? 1 : 0,
                e.tokensInput().orElse(0L),
                e.tokensOutput().orElse(0L),
                step.costUsd().orElse(BigDecimal.ZERO),
                step.costUsd().isEmpty() ? 1 : 0,
                e.latencyMs().orElse(0L));
    }

    public static Totals sum(Collection<Totals> parts) {
        return parts.stream().reduce(NONE, Totals::plus);
    }

    public Totals plus(Totals other) {
        return new Totals(
                steps + other.steps,
                succeeded + other.succeeded,
                failed + other.failed,
                tokensInput + other.tokensInput,
                tokensOutput + other.tokensOutput,
                costUsd.add(other.costUsd),
                stepsWithoutCost + other.stepsWithoutCost,
                latencyMs + other.latencyMs);
    }
}
