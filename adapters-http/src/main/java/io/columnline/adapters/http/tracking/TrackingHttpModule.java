package io.columnline.adapters.http.tracking;

import dagger.Binds;
import dagger.Module;
import dagger.multibindings.IntoSet;
import io.columnline.adapters.http.shared.Routes;

/** The tracking area's bindings; HttpModule includes it. */
@Module
public abstract class TrackingHttpModule {
    private TrackingHttpModule() {}

    @Binds
    @IntoSet
    abstract Routes runs(RunRoutes routes);

    @Binds
    @IntoSet
    abstract Routes steps(StepRoutes routes);

    @Binds
    @IntoSet
    abstract Routes stepLoop(StepLoopRoutes routes);

    @Binds
    @IntoSet
    abstract Routes modelPrices(ModelPriceRoutes routes);

    @Binds
    @IntoSet
    abstract Routes stats(StatsRoutes routes);

    @Binds
    @IntoSet
    abstract Routes usage(UsageRoutes routes);
}
