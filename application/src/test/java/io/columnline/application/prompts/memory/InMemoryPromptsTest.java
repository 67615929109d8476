package io.columnline.application.prompts.memory;

import io.columnline.application.prompts.contract.PromptsContract;
import io.columnline.application.prompts.port.out.Prompts;

/** The in-memory adapter against the same contract as the Postgres one. */
class InMemoryPromptsTest extends PromptsContract {
    private final InMemoryPrompts prompts = new InMemoryPrompts();

    @Override
    protected Prompts prompts() {
        return prompts;
    }
}
