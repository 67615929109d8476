package io.columnline.domain.run;

import java.math.BigDecimal;

/** Amounts compare by value: 0.50 and 0.5 are the same cost, and are stored and shown as 0.5. */
final class Money {
    private Money() {}

    static BigDecimal normalize(BigDecimal amount) {
        BigDecimal stripped = amount.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
