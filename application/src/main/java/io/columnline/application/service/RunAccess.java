package io.columnline.application.service;

import io.columnline.application.port.out.Runs;
import io.columnline.domain.access.Caller;
import io.columnline.domain.error.NotFound;
import io.columnline.domain.run.Run;
import io.columnline.domain.run.RunId;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.function.Function;

/**
 * Finds the run a caller names: another client's run is reported exactly like one that does not
 * exist. The lock variants are for use inside a transaction.
 */
public final class RunAccess {
    private final Runs runs;

    @Inject
    public RunAccess(Runs runs) {
        this.runs = runs;
    }

    public Run visible(Caller caller, RunId id) {
        return visibleOrMissing(caller, id, runs.byId(id));
    }

    /** For a change of the run's status. */
    public Run locked(Caller caller, RunId id) {
        return visibleOrMissing(caller, id, runs.lock(id));
    }

    /** For writing the run's stages and steps while its status stays as read. */
    public Run lockedShared(Caller caller, RunId id) {
        return visibleOrMissing(caller, id, runs.lockShared(id));
    }

    private static Run visibleOrMissing(Caller caller, RunId id, Optional<Run> run) {
        return visibleOrMissing(caller, id, run, r -> r);
    }

    /** What was read with the run {@code id} names, when the caller may see that run. */
    static <T> T visibleOrMissing(Caller caller, RunId id, Optional<T> found, Function<T, Run> run) {
        return found.filter(f -> caller.canSee(run.apply(f).client())).orElseThrow(() -> new NotFound("run", id));
    }
}
