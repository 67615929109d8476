package io.columnline.adapters.http.origin;

import dagger.Binds;
import dagger.Module;
import dagger.multibindings.IntoSet;
import io.columnline.adapters.http.shared.Routes;

/** The {@code /columnline} translation layer's bindings; HttpModule includes it. */
@Module
public abstract class OriginHttpModule {
    private OriginHttpModule() {}

    @Binds
    @IntoSet
    abstract Routes runs(OriginRunRoutes routes);

    @Binds
    @IntoSet
    abstract Routes catalog(OriginCatalogRoutes routes);

    @Binds
    @IntoSet
    abstract Routes publish(OriginPublishRoutes routes);

    @Binds
    @IntoSet
    abstract Routes steps(OriginStepRoutes routes);
}
