package io.columnline.application.tracking.port.in;

import io.columnline.application.tracking.port.in.RunDetails.StageDetails;
import io.columnline.domain.access.Caller;
import io.columnline.domain.run.RunId;
import io.columnline.domain.run.Stage;

/** Marks the stages of a running run. */
public interface StageUseCase {
    /** Starting a stage again after failure or retry counts another attempt. */
    StageDetails start(Caller caller, RunId run, String stage);

    /** A stage that was never started is recorded as one finished attempt. */
    StageDetails complete(Caller caller, RunId run, String stage, Stage.Outcome outcome);
}
