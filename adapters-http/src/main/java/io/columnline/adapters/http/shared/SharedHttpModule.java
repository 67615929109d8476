package io.columnline.adapters.http.shared;

import dagger.Binds;
import dagger.Module;
import dagger.multibindings.IntoSet;
import io.columnline.application.shared.JsonSchemaValidator;

/** The shared area's bindings; HttpModule includes it. */
@Module
public abstract class SharedHttpModule {
    private SharedHttpModule() {}

    @Binds
    @IntoSet
    abstract Routes health(HealthRoutes routes);

    @Binds
    @IntoSet
    abstract Routes docs(DocsRoutes routes);

    @Binds
    @IntoSet
    abstract Routes console(ConsoleRoutes routes);

    @Binds
    @IntoSet
    abstract Routes metrics(MetricsRoutes routes);

    /** The JSON Schema library reads JSON with Jackson, which only this adapter has. */
    @Binds
    abstract JsonSchemaValidator jsonSchemaValidator(NetworkntJsonSchemaValidator validator);
}
