package io.columnline.adapters.postgres.prompts;

import io.columnline.adapters.postgres.shared.JdbiSession;
import io.columnline.application.prompts.port.out.Pipelines;
import io.columnline.application.prompts.port.out.Prompts;
import io.columnline.application.prompts.port.out.SectionDefinitions;

/** The prompts area's adapters, for the tests of other areas that need its rows. */
public final class PromptsAdapters {
    private PromptsAdapters() {}

    public static Prompts prompts(JdbiSession session) {
        return new JdbiPrompts(session);
    }

    public static Pipelines pipelines(JdbiSession session) {
        return new JdbiPipelines(session);
    }

    public static SectionDefinitions sectionDefinitions(JdbiSession session) {
        return new JdbiSectionDefinitions(session, java.time.Clock.systemUTC());
    }
}
