package io.columnline.application.tracking.port.in;

import io.columnline.application.tracking.port.in.RunDetails.StageDetails;
import io.columnline.domain.access.Caller;
import io.columnline.domain.run.RunId;
import io.columnline.domain.run.Stage;

/** Marks the stages of a running run. */
public interface StageUseCase {
    /**
     * The name of stage {@code number} in the stages the run's pipeline defines: 422 when the run
     * follows no pipeline or its pipeline defines no stages, 404 for a number it does not define.
     */
    String stageNamed(Caller caller, RunId run, int number);

    /** Starting a stage again after failure or retry counts another attempt. */
    StageDetails start(Caller caller, RunId run, String stage);

    /**
     * A stage that was never started is recorded as one finished attempt. Use {@link
     * Stage.Outcome#of} for a caller that sends an error but no status: that means failure.
     */
    StageDetails complete(Caller caller, RunId run, String stage, Stage.Outcome outcome);
}
