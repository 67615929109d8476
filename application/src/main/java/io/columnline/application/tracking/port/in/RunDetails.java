package io.columnline.application.tracking.port.in;

import io.columnline.domain.client.ClientSlug;
import io.columnline.domain.run.CacheUse;
import io.columnline.domain.run.Run;
import io.columnline.domain.run.Stage;
import io.columnline.domain.run.Step;
import io.columnline.domain.run.Totals;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A run as its readers see it: with its client's slug, its stages and what its steps added up to,
 * per stage and in all, as of {@code asOf}, what its research cache lookups saved, and the steps
 * it is running now ({@code running}).
 */
public record RunDetails(
        Run run,
        ClientSlug client,
        List<StageDetails> stages,
        Totals totals,
        CacheUse cache,
        Instant asOf,
        List<Step> running) {
    public RunDetails {
        stages = List.copyOf(stages);
        running = List.copyOf(running);
    }

    public RunDetails(
            Run run, ClientSlug client, List<StageDetails> stages, Totals totals, CacheUse cache, Instant asOf) {
        this(run, client, stages, totals, cache, asOf, List.of());
    }

    /**
     * A stage and its steps' totals. Steps may name a stage that was never started or completed;
     * such a stage is listed with its totals and no {@code stage}.
     */
    public record StageDetails(String name, Optional<Stage> stage, Totals totals) {}
}
