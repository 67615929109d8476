package io.columnline.domain.run;

import io.columnline.domain.Key;
import io.columnline.domain.error.Violations;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/** What a model costs, in USD per million input and per million output tokens. */
public record ModelPrice(
        String model, BigDecimal inputPerMillionUsd, BigDecimal outputPerMillionUsd, Instant updatedAt) {
    private static final BigDecimal MAX = new BigDecimal("1000000");

    public ModelPrice {
        Objects.requireNonNull(updatedAt, "updatedAt");
        model = Key.check("model", model == null ? null : model.strip().toLowerCase(Locale.ROOT));
        var problems = new Violations();
        check(problems, "input_per_million_usd", inputPerMillionUsd);
        check(problems, "output_per_million_usd", outputPerMillionUsd);
        problems.throwIfAny();
        inputPerMillionUsd = Money.normalize(inputPerMillionUsd);
        outputPerMillionUsd = Money.normalize(outputPerMillionUsd);
    }

    private static void check(Violations problems, String field, BigDecimal value) {
        if (value == null) {
            problems.add(field, "is required: USD per million tokens, e.g. 2.5");
        } else if (value.signum() < 0) {
            problems.add(field, "must not be negative, got " + value.toPlainString());
        } else if (value.compareTo(MAX) > 0) {
            problems.add(field, "must be at most " + MAX.toPlainString() + " USD per million tokens");
        }
    }

    /** The exact cost of the given token counts. */
    public BigDecimal costOf(long tokensInput, long tokensOutput) {
        BigDecimal total = inputPerMillionUsd
                .multiply(BigDecimal.valueOf(tokensInput))
                .add(outputPerMillionUsd.multiply(BigDecimal.valueOf(tokensOutput)));
        return Money.normalize(total.movePointLeft(6));
    }
}
