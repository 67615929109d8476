package io.columnline.adapters.cli.publishing;

import dagger.Binds;
import dagger.Module;
import dagger.multibindings.IntoSet;
import io.columnline.adapters.cli.shared.CliCommand;

/** The publishing area's bindings; CliModule includes it. */
@Module
public abstract class PublishingCliModule {
    private PublishingCliModule() {}

    @Binds
    @IntoSet
    abstract CliCommand releaseDue(ReleaseDueCommand command);

    @Binds
    @IntoSet
    abstract CliCommand export(ExportCommand command);
}
