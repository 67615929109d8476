package io.columnline.application.tracking.service;

import io.columnline.application.tracking.port.in.RunAccess;
import io.columnline.application.tracking.port.out.Runs;
import io.columnline.application.tracking.port.out.StepLog;
import io.columnline.domain.access.Caller;
import io.columnline.domain.error.NotFound;
import io.columnline.domain.run.Run;
import io.columnline.domain.run.RunId;
import io.columnline.domain.run.Step;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;

/** Runs as the caller may see them, read from storage on every call. */
public final class RunAccessService implements RunAccess {
    private final Runs runs;
    private final StepLog steps;

    @Inject
    public RunAccessService(Runs runs, StepLog steps) {
        this.runs = runs;
        this.steps = steps;
    }

    @Override
    public Run visible(Caller caller, RunId id) {
        return visibleOrMissing(caller, id, runs.byId(id));
    }

    @Override
    public Run locked(Caller caller, RunId id) {
        return visibleOrMissing(caller, id, runs.lock(id));
    }

    @Override
    public Run lockedShared(Caller caller, RunId id) {
        return visibleOrMissing(caller, id, runs.lockShared(id));
    }

    @Override
    public Map<String, Step> latestSucceededBySection(Run run) {
        return steps.latestSucceededBySection(run);
    }

    private static Run visibleOrMissing(Caller caller, RunId id, Optional<Run> run) {
        return run.filter(r -> caller.canSee(r.client())).orElseThrow(() -> new NotFound("run", id));
    }
}
