package io.columnline.adapters.cli.prompts;

import dagger.Binds;
import dagger.Module;
import dagger.multibindings.IntoSet;
import io.columnline.adapters.cli.shared.CliCommand;

/** The prompts area's bindings; CliModule includes it. */
@Module
public abstract class PromptsCliModule {
    private PromptsCliModule() {}

    @Binds
    @IntoSet
    abstract CliCommand prompts(PromptsCommand command);

    @Binds
    @IntoSet
    abstract CliCommand pipelines(PipelinesCommand command);
}
