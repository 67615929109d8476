package io.columnline.application.memory;

import io.columnline.application.contract.PromptsContract;
import io.columnline.application.port.out.Prompts;

/** The in-memory adapter against the same contract as the Postgres one. */
class InMemoryPromptsTest extends PromptsContract {
    private final InMemoryPrompts prompts = new InMemoryPrompts();

    @Override
    protected Prompts prompts() {
        return prompts;
    }
}
