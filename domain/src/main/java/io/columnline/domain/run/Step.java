package io.columnline.domain.run;

import io.columnline.domain.client.ClientId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** A logged step: what the caller sent, the cost it came to and where that cost came from. */
public record Step(
        RunId run,
        ClientId client,
        StepEntry entry,
        Optional<BigDecimal> costUsd,
        CostSource costSource,
        Instant loggedAt) {

    public Step {
        Objects.requireNonNull(run, "run");
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(entry, "entry");
        Objects.requireNonNull(costUsd, "costUsd");
        Objects.requireNonNull(costSource, "costSource");
        Objects.requireNonNull(loggedAt, "loggedAt");
        costUsd = costUsd.map(Money::normalize);
    }

    /**
     * A given {@code cost_usd} wins; otherwise the model's price times the token counts; a model
     * missing from the price table leaves the cost empty and says so.
     */
    public static Step log(RunId run, ClientId client, StepEntry entry, PriceTable prices, Instant now) {
        if (entry.costUsd().isPresent()) {
            return new Step(run, client, entry, entry.costUsd(), CostSource.GIVEN, now);
        }
        if (entry.model().isEmpty()
                || entry.tokensInput().isEmpty() && entry.tokensOutput().isEmpty()) {
            return new Step(run, client, entry, Optional.empty(), CostSource.NONE, now);
        }
        return prices.priceFor(entry.model().get())
                .map(price -> new Step(
                        run,
                        client,
                        entry,
                        Optional.of(price.costOf(
                                entry.tokensInput().orElse(0L),
                                entry.tokensOutput().orElse(0L))),
                        CostSource.PRICED,
                        now))
                .orElseGet(() -> new Step(run, client, entry, Optional.empty(), CostSource.UNKNOWN_MODEL, now));
    }

    public StepEntry.StepRef ref() {
        return entry.ref();
    }

    public String fingerprint() {
        return entry.fingerprint();
    }

    /** Whether {@code other} carries exactly the payload this step was logged with. */
    public boolean samePayloadAs(Step other) {
        return fingerprint().equals(other.fingerprint());
    }
}
