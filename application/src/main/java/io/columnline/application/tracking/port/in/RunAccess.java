package io.columnline.application.tracking.port.in;

import io.columnline.domain.access.Caller;
import io.columnline.domain.run.Run;
import io.columnline.domain.run.RunId;
import io.columnline.domain.run.Step;
import java.util.Map;

/**
 * Finds the run a caller names: another client's run is reported exactly like one that does not
 * exist. The lock variants, and what the other areas read of a run, are for use inside a
 * transaction.
 */
public interface RunAccess {
    Run visible(Caller caller, RunId id);

    /**
     * The run a path names: its id (a UUID) or its external id, e.g. {@code RUN_20260114_002901}.
     * An external id is the client's own; an admin naming one that two clients use is told to use
     * the run id. Unknown or invisible: 404.
     */
    RunId resolve(Caller caller, String idOrExternalId);

    /** For a change of the run's status. */
    Run locked(Caller caller, RunId id);

    /** For writing the run's stages and steps while its status stays as read. */
    Run lockedShared(Caller caller, RunId id);

    /**
     * Per section named by a successful step of the run, the latest such step (by time logged, then
     * attempt): what a dossier publishes as that section.
     */
    Map<String, Step> latestSucceededBySection(Run run);
}
