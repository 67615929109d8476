package io.columnline.application.tracking.port.in;

import io.columnline.domain.access.Caller;
import io.columnline.domain.json.JsonDocument;
import io.columnline.domain.run.RunId;
import java.util.Optional;

/** Ends a running run; repeating the same end answers the run unchanged. */
public interface FinishRunUseCase {
    default RunDetails complete(Caller caller, RunId id) {
        return complete(caller, id, Optional.empty());
    }

    /** {@code outputData} is the caller's own summary of what the run produced, kept and shown on the run. */
    RunDetails complete(Caller caller, RunId id, Optional<JsonDocument> outputData);

    RunDetails fail(Caller caller, RunId id, String error);
}
