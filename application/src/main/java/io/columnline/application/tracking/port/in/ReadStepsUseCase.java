package io.columnline.application.tracking.port.in;

import io.columnline.application.shared.Page;
import io.columnline.application.shared.PageRequest;
import io.columnline.domain.access.Caller;
import io.columnline.domain.run.RunId;
import io.columnline.domain.run.Step;
import io.columnline.domain.run.StepStatus;
import java.util.Optional;

public interface ReadStepsUseCase {
    /** In the order they were logged. */
    Page<Step> list(Caller caller, RunId run, Query query, PageRequest page);

    /** The latest successful attempt: what a later module wants to read back. */
    Step latestSucceeded(Caller caller, RunId run, String stepKey);

    /** One attempt, whatever its status. */
    Step attempt(Caller caller, RunId run, String stepKey, int attempt);

    /** Empty parts do not filter. */
    record Query(Optional<String> stage, Optional<StepStatus> status) {}
}
