package io.columnline.adapters.cli.prospects;

import dagger.Binds;
import dagger.Module;
import dagger.multibindings.IntoSet;
import io.columnline.adapters.cli.shared.CliCommand;

/** The prospects area's bindings; CliModule includes it. */
@Module
public abstract class ProspectsCliModule {
    private ProspectsCliModule() {}

    @Binds
    @IntoSet
    abstract CliCommand importProspects(ImportCommand command);

    @Binds
    @IntoSet
    abstract CliCommand audience(AudienceCommand command);
}
