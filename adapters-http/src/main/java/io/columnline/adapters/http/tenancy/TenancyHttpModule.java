package io.columnline.adapters.http.tenancy;

import dagger.Binds;
import dagger.Module;
import dagger.multibindings.IntoSet;
import io.columnline.adapters.http.shared.Routes;

/** The tenancy area's bindings; HttpModule includes it. */
@Module
public abstract class TenancyHttpModule {
    private TenancyHttpModule() {}

    @Binds
    @IntoSet
    abstract Routes clients(ClientRoutes routes);

    @Binds
    @IntoSet
    abstract Routes apiKeys(ApiKeyRoutes routes);
}
