package io.columnline.adapters.http.prompts;

import dagger.Binds;
import dagger.Module;
import dagger.multibindings.IntoSet;
import io.columnline.adapters.http.shared.Routes;

/** The prompts area's bindings; HttpModule includes it. */
@Module
public abstract class PromptsHttpModule {
    private PromptsHttpModule() {}

    @Binds
    @IntoSet
    abstract Routes prompts(PromptRoutes routes);

    @Binds
    @IntoSet
    abstract Routes pipelines(PipelineRoutes routes);

    @Binds
    @IntoSet
    abstract Routes sectionDefinitions(SectionDefinitionRoutes routes);
}
