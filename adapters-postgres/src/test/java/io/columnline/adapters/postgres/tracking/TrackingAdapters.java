package io.columnline.adapters.postgres.tracking;

import io.columnline.adapters.postgres.shared.JdbiSession;
import io.columnline.application.tracking.port.out.ModelPrices;
import io.columnline.application.tracking.port.out.Runs;
import io.columnline.application.tracking.port.out.Stages;
import io.columnline.application.tracking.port.out.StepLog;

/** The tracking area's adapters, for the tests of other areas that need its rows. */
public final class TrackingAdapters {
    private TrackingAdapters() {}

    public static ModelPrices modelPrices(JdbiSession session) {
        return new JdbiModelPrices(session);
    }

    public static Runs runs(JdbiSession session) {
        return new JdbiRuns(session);
    }

    public static Stages stages(JdbiSession session) {
        return new JdbiStages(session);
    }

    public static StepLog stepLog(JdbiSession session) {
        return new JdbiStepLog(session);
    }
}
