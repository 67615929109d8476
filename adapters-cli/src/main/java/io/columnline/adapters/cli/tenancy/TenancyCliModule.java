package io.columnline.adapters.cli.tenancy;

import dagger.Binds;
import dagger.Module;
import dagger.multibindings.IntoSet;
import io.columnline.adapters.cli.shared.CliCommand;

/** The tenancy area's bindings; CliModule includes it. */
@Module
public abstract class TenancyCliModule {
    private TenancyCliModule() {}

    @Binds
    @IntoSet
    abstract CliCommand clients(ClientsCommand command);

    @Binds
    @IntoSet
    abstract CliCommand keys(KeysCommand command);
}
