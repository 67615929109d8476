package io.columnline.domain.run;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * What a run's research cache lookups came to: how many, how many hit, and the cost of the entries
 * those hits reused (what the run did not spend again).
 */
public record CacheUse(long lookups, long hits, BigDecimal savedUsd) {
    public static final CacheUse NONE = new CacheUse(0, 0, BigDecimal.ZERO);

    public CacheUse {
        Objects.requireNonNull(savedUsd, "savedUsd");
        savedUsd = Money.normalize(savedUsd);
    }
}
