package io.columnline.adapters.cli;

import dagger.Binds;
import dagger.Module;
import dagger.multibindings.IntoSet;

/** Every operator command, collected into the set the launcher adds under {@code columnline}. */
@Module
public abstract class CliModule {
    private CliModule() {}

    @Binds
    @IntoSet
    abstract CliCommand clients(ClientsCommand command);

    @Binds
    @IntoSet
    abstract CliCommand keys(KeysCommand command);

    @Binds
    @IntoSet
    abstract CliCommand prompts(PromptsCommand command);

    @Binds
    @IntoSet
    abstract CliCommand releaseDue(ReleaseDueCommand command);

    @Binds
    @IntoSet
    abstract CliCommand export(ExportCommand command);

    @Binds
    @IntoSet
    abstract CliCommand importProspects(ImportCommand command);

    @Binds
    @IntoSet
    abstract CliCommand audience(AudienceCommand command);
}
