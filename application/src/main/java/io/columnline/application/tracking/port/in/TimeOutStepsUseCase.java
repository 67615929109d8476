package io.columnline.application.tracking.port.in;

/** The server's sweep of prepared steps nobody completed. */
public interface TimeOutStepsUseCase {
    /**
     * Fails every step still {@code running} past the step timeout as {@code timed out}; safe to run
     * on several instances at once. Answers how many it failed.
     */
    int timeOutStale();
}
