package io.columnline.application.tracking.port.in;

import io.columnline.domain.access.Caller;
import io.columnline.domain.run.RunId;

/** Ends a running run; repeating the same end answers the run unchanged. */
public interface FinishRunUseCase {
    RunDetails complete(Caller caller, RunId id);

    RunDetails fail(Caller caller, RunId id, String error);
}
