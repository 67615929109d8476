package io.columnline.adapters.postgres.prompts;

import dagger.Binds;
import dagger.Module;
import io.columnline.application.prompts.port.out.Pipelines;
import io.columnline.application.prompts.port.out.PromptUsage;
import io.columnline.application.prompts.port.out.Prompts;
import io.columnline.application.prompts.port.out.SectionDefinitions;

/** The prompts area's bindings; PostgresModule includes it. */
@Module
public abstract class PromptsPostgresModule {
    private PromptsPostgresModule() {}

    @Binds
    abstract Prompts prompts(JdbiPrompts prompts);

    @Binds
    abstract SectionDefinitions sectionDefinitions(JdbiSectionDefinitions definitions);

    @Binds
    abstract Pipelines pipelines(JdbiPipelines pipelines);

    @Binds
    abstract PromptUsage promptUsage(JdbiPromptUsage usage);
}
