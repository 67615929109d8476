package io.columnline.adapters.http.prospects;

import dagger.Binds;
import dagger.Module;
import dagger.multibindings.IntoSet;
import io.columnline.adapters.http.shared.Routes;

/** The prospects area's bindings; HttpModule includes it. */
@Module
public abstract class ProspectsHttpModule {
    private ProspectsHttpModule() {}

    @Binds
    @IntoSet
    abstract Routes runContacts(RunContactRoutes routes);

    @Binds
    @IntoSet
    abstract Routes prospects(ProspectRoutes routes);

    @Binds
    @IntoSet
    abstract Routes imports(ImportRoutes routes);

    @Binds
    @IntoSet
    abstract Routes aiInteractions(AiInteractionRoutes routes);
}
