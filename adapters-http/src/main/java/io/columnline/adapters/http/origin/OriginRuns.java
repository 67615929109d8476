package io.columnline.adapters.http.origin;

import io.columnline.application.tracking.port.in.ReadRunsUseCase;
import io.columnline.application.tracking.port.in.RunAccess;
import io.columnline.application.tracking.port.in.RunDetails;
import io.columnline.domain.access.Caller;
import io.columnline.domain.run.RunStatus;
import java.util.Locale;

/** The origin's names and ids, translated: run ids, step names, statuses. */
final class OriginRuns {
    private OriginRuns() {}

    /** A run named by Columnline's UUID or by the scenario's own text id ({@code RUN_20260114_002901}). */
    static RunDetails find(RunAccess access, ReadRunsUseCase read, Caller caller, String id) {
        return read.get(caller, access.resolve(caller, id));
    }

    /** The origin's upper-case step name is Columnline's lower-case step key. */
    static String stepKey(String stepName) {
        return stepName.strip().toLowerCase(Locale.ROOT);
    }

    /** A step key as the origin spells it, for answers that echo no name the scenario sent. */
    static String stepName(String stepKey) {
        return stepKey.toUpperCase(Locale.ROOT);
    }

    /** The origin knows pending, running, completed and failed; a published run is completed to it. */
    static String status(RunStatus status) {
        return switch (status) {
            case RUNNING -> "running";
            case COMPLETED, PUBLISHED -> "completed";
            case FAILED -> "failed";
        };
    }

    /** {@code STEP_<run>_NN}: the origin numbers a run's step rows in the order they were written. */
    static String stepId(String run, int position) {
        return String.format(Locale.ROOT, "STEP_%s_%02d", run, position);
    }
}
