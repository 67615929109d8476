package io.columnline.application.tracking.port.in;

import io.columnline.domain.access.Caller;
import io.columnline.domain.run.RunId;
import io.columnline.domain.run.Step;
import io.columnline.domain.run.StepEntry;
import java.util.List;

/**
 * Logs LLM executions of a running run. Sending a step again answers the stored one; the same
 * step key and attempt with a different payload is refused.
 */
public interface LogStepsUseCase {
    int MAX_BATCH = 500;

    Logged log(Caller caller, RunId run, StepEntry.Draft step);

    /** All or nothing: refused as a whole, with every problem named by its {@code steps[i]} position. */
    List<Logged> logBatch(Caller caller, RunId run, List<StepEntry.Draft> steps);

    /** {@code created} is false when the step had been logged before. */
    record Logged(Step step, boolean created) {}
}
