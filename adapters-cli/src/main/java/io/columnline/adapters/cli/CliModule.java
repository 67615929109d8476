package io.columnline.adapters.cli;

import dagger.Module;
import io.columnline.adapters.cli.knowledge.KnowledgeCliModule;
import io.columnline.adapters.cli.prompts.PromptsCliModule;
import io.columnline.adapters.cli.prospects.ProspectsCliModule;
import io.columnline.adapters.cli.publishing.PublishingCliModule;
import io.columnline.adapters.cli.tenancy.TenancyCliModule;
import io.columnline.adapters.cli.tracking.TrackingCliModule;

/** Every operator command, collected into the set the launcher adds under {@code columnline}. */
@Module(
        includes = {
            TenancyCliModule.class,
            PromptsCliModule.class,
            PublishingCliModule.class,
            ProspectsCliModule.class,
            KnowledgeCliModule.class,
            TrackingCliModule.class
        })
public abstract class CliModule {
    private CliModule() {}
}
