package io.columnline.adapters.postgres.tracking;

import dagger.Binds;
import dagger.Module;
import io.columnline.application.tracking.port.out.ModelPrices;
import io.columnline.application.tracking.port.out.PipelineStats;
import io.columnline.application.tracking.port.out.Runs;
import io.columnline.application.tracking.port.out.Stages;
import io.columnline.application.tracking.port.out.StepLog;
import io.columnline.application.tracking.port.out.UsageRollups;

/** The tracking area's bindings; PostgresModule includes it. */
@Module
public abstract class TrackingPostgresModule {
    private TrackingPostgresModule() {}

    @Binds
    abstract Runs runs(JdbiRuns runs);

    @Binds
    abstract Stages stages(JdbiStages stages);

    @Binds
    abstract StepLog stepLog(JdbiStepLog steps);

    @Binds
    abstract ModelPrices modelPrices(JdbiModelPrices prices);

    @Binds
    abstract PipelineStats pipelineStats(JdbiPipelineStats stats);

    @Binds
    abstract UsageRollups usageRollups(JdbiUsageRollups rollups);
}
