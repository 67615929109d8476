package io.columnline.application.tracking.service;

import io.columnline.application.tracking.port.out.ModelPrices;
import io.columnline.domain.run.PriceTable;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The price table, read at most every {@link #FRESH_FOR} so that pricing a step costs no query.
 * A change made through this process applies at once; one made through another instance behind
 * the same database applies within {@link #FRESH_FOR}.
 */
@Singleton
public final class PriceBook {
    static final Duration FRESH_FOR = Duration.ofSeconds(30);

    private record Snapshot(PriceTable table, Instant readAt) {}

    private final ModelPrices prices;
    private final Clock clock;
    private volatile Snapshot snapshot;

    @Inject
    public PriceBook(ModelPrices prices, Clock clock) {
        this.prices = prices;
        this.clock = clock;
    }

    public PriceTable current() {
        Snapshot current = snapshot;
        Instant now = clock.instant();
        if (current == null || current.readAt().plus(FRESH_FOR).isBefore(now)) {
            current = new Snapshot(PriceTable.of(prices.all()), now);
            snapshot = current;
        }
        return current.table();
    }

    /** Makes the next {@link #current()} read the table again. */
    void forget() {
        snapshot = null;
    }
}
