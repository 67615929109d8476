package io.columnline.adapters.cli.knowledge;

import dagger.Binds;
import dagger.Module;
import dagger.multibindings.IntoSet;
import io.columnline.adapters.cli.shared.CliCommand;

/** The knowledge area's bindings; CliModule includes it. */
@Module
public abstract class KnowledgeCliModule {
    private KnowledgeCliModule() {}

    @Binds
    @IntoSet
    abstract CliCommand sources(SourcesCommand command);

    @Binds
    @IntoSet
    abstract CliCommand search(SearchCommand command);

    @Binds
    @IntoSet
    abstract CliCommand index(IndexCommand command);

    @Binds
    @IntoSet
    abstract CliCommand documents(DocumentsCommand command);
}
