package io.columnline.application.tracking.port.in;

import io.columnline.domain.access.Caller;
import io.columnline.domain.run.RunId;
import io.columnline.domain.run.Seed;

/** Changes a running run after its start: a discovery run's company, once a step has found it. */
public interface UpdateRunUseCase {
    /** Replaces the run's seed; the run must be running. */
    RunDetails nameCompany(Caller caller, RunId run, Seed seed);
}
