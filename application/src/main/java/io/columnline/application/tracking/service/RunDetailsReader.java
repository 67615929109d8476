package io.columnline.application.tracking.service;

import io.columnline.application.tenancy.port.in.ClientAccess;
import io.columnline.application.tracking.port.in.RunDetails;
import io.columnline.application.tracking.port.in.RunDetails.StageDetails;
import io.columnline.application.tracking.port.out.RunCacheUse;
import io.columnline.application.tracking.port.out.Stages;
import io.columnline.application.tracking.port.out.StepLog;
import io.columnline.domain.client.ClientSlug;
import io.columnline.domain.run.CacheUse;
import io.columnline.domain.run.Run;
import io.columnline.domain.run.Stage;
import io.columnline.domain.run.Totals;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** Puts a run together with its stages and its steps' totals. */
public final class RunDetailsReader {
    private final Stages stages;
    private final StepLog steps;
    private final ClientAccess clients;
    private final RunCacheUse cache;
    private final Clock clock;

    @Inject
    public RunDetailsReader(Stages stages, StepLog steps, ClientAccess clients, RunCacheUse cache, Clock clock) {
        this.stages = stages;
        this.steps = steps;
        this.clients = clients;
        this.cache = cache;
        this.clock = clock;
    }

    public RunDetails details(Run run) {
        return details(run, clients.byId(run.client()).slug());
    }

    public RunDetails details(Run run, ClientSlug client) {
        Map<String, Totals> totals = new TreeMap<>(steps.totalsByStage(run));
        List<StageDetails> listed = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Stage stage : stages.ofRun(run)) {
            listed.add(
                    new StageDetails(stage.name(), Optional.of(stage), totals.getOrDefault(stage.name(), Totals.NONE)));
            seen.add(stage.name());
        }
        totals.forEach((name, sum) -> {
            if (!seen.contains(name)) {
                listed.add(new StageDetails(name, Optional.empty(), sum));
            }
        });
        List<io.columnline.domain.run.Step> running = run.isRunning() ? steps.running(run) : List.of();
        return new RunDetails(
                run, client, listed, Totals.sum(totals.values()), cache.ofRun(run), clock.instant(), running);
    }

    /** A new run has no stages and no steps yet. */
    public RunDetails fresh(Run run, ClientSlug client) {
        return new RunDetails(run, client, List.of(), Totals.NONE, CacheUse.NONE, clock.instant());
    }

    /** What all the run's steps added up to so far. */
    public Totals totals(Run run) {
        return Totals.sum(steps.totalsByStage(run).values());
    }

    public StageDetails stage(Run run, Stage stage) {
        return new StageDetails(
                stage.name(), Optional.of(stage), steps.totalsByStage(run).getOrDefault(stage.name(), Totals.NONE));
    }
}
