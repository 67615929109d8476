package io.columnline.application.tracking.service;

import io.columnline.application.tracking.port.in.TimeOutStepsUseCase;
import io.columnline.application.tracking.port.out.StepLog;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;

/**
 * A step prepared longer ago than the timeout is failed; completing it later stores a new attempt.
 * Each statement fails at most {@link #PER_STATEMENT} steps, so no sweep holds many rows at once.
 */
public final class StepTimeoutService implements TimeOutStepsUseCase {
    static final int PER_STATEMENT = 500;

    /** How long a prepared step may stay running (COLUMNLINE_STEP_TIMEOUT). */
    public record StepTimeout(Duration value) {
        public StepTimeout {
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException("a step timeout is positive");
            }
        }
    }

    private final StepLog log;
    private final StepTimeout timeout;
    private final Clock clock;

    @Inject
    public StepTimeoutService(StepLog log, StepTimeout timeout, Clock clock) {
        this.log = log;
        this.timeout = timeout;
        this.clock = clock;
    }

    @Override
    public int timeOutStale() {
        var cutoff = clock.instant().minus(timeout.value());
        int total = 0;
        int failed;
        do {
            failed = log.timeOut(cutoff, PER_STATEMENT);
            total += failed;
        } while (failed == PER_STATEMENT);
        return total;
    }
}
