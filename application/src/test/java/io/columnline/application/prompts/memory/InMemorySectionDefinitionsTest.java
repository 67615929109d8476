package io.columnline.application.prompts.memory;

import io.columnline.application.prompts.contract.SectionDefinitionsContract;
import io.columnline.application.prompts.port.out.SectionDefinitions;

/** The in-memory adapter against the same contract as the Postgres one. */
class InMemorySectionDefinitionsTest extends SectionDefinitionsContract {
    private final InMemorySectionDefinitions definitions = new InMemorySectionDefinitions();

    @Override
    protected SectionDefinitions definitions() {
        return definitions;
    }
}
