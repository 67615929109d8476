package io.columnline.adapters.cli.tracking;

import dagger.Binds;
import dagger.Module;
import dagger.multibindings.IntoSet;
import io.columnline.adapters.cli.shared.CliCommand;

/** The tracking area's bindings; CliModule includes it. */
@Module
public abstract class TrackingCliModule {
    private TrackingCliModule() {}

    @Binds
    @IntoSet
    abstract CliCommand usage(UsageCommand command);
}
