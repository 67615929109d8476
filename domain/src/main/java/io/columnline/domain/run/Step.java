package io.columnline.domain.run;

import io.columnline.domain.client.ClientId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A logged step: what the caller sent (with the usage its provider response carried filled in), the
 * cost it came to, where that cost came from, and a warning when its output could not be read.
 */
public record Step(
        RunId run,
        ClientId client,
        StepEntry entry,
        Optional<BigDecimal> costUsd,
        CostSource costSource,
        Instant loggedAt,
        Optional<String> warning) {

    public Step {
        Objects.requireNonNull(run, "run");
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(entry, "entry");
        Objects.requireNonNull(costUsd, "costUsd");
        Objects.requireNonNull(costSource, "costSource");
        Objects.requireNonNull(loggedAt, "loggedAt");
        Objects.requireNonNull(warning, "warning");
        costUsd = costUsd.map(Money::normalize);
    }

    public Step(
            RunId run,
            ClientId client,
            StepEntry entry,
            Optional<BigDecimal> costUsd,
            CostSource costSource,
            Instant loggedAt) {
        this(run, client, entry, costUsd, costSource, loggedAt, Optional.empty());
    }

    /**
     * Tokens and model not given are read from the output when it is a provider response. A given
     * {@code cost_usd} wins; otherwise the model's price times the token counts; a model missing
     * from the price table leaves the cost empty and says so.
     */
    public static Step log(RunId run, ClientId client, StepEntry entry, PriceTable prices, Instant now) {
        boolean given = entry.tokensInput().isPresent() || entry.tokensOutput().isPresent();
        ProviderResponse response = ProviderResponse.read(entry.output());
        Optional<String> warning = given ? Optional.empty() : response.warning();
        boolean parsed = !given && response.hasUsage();
        if (!given) {
            entry = entry.withUsage(response.model(), response.tokensInput(), response.tokensOutput());
        } else if (entry.model().isEmpty()) {
            entry = entry.withUsage(response.model(), Optional.empty(), Optional.empty());
        }
        if (entry.costUsd().isPresent()) {
            return new Step(run, client, entry, entry.costUsd(), CostSource.GIVEN, now, warning);
        }
        if (entry.model().isEmpty()
                || entry.tokensInput().isEmpty() && entry.tokensOutput().isEmpty()) {
            return new Step(run, client, entry, Optional.empty(), CostSource.NONE, now, warning);
        }
        StepEntry priced = entry;
        return prices.priceFor(entry.model().get())
                .map(price -> new Step(
                        run,
                        client,
                        priced,
                        Optional.of(price.costOf(
                                priced.tokensInput().orElse(0L),
                                priced.tokensOutput().orElse(0L))),
                        parsed ? CostSource.PARSED : CostSource.PRICED,
                        now,
                        warning))
                .orElseGet(
                        () -> new Step(run, client, priced, Optional.empty(), CostSource.UNKNOWN_MODEL, now, warning));
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
