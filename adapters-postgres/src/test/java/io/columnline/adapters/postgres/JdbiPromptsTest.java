package io.columnline.adapters.postgres;

import io.columnline.application.contract.PromptsContract;
import io.columnline.application.port.out.Prompts;
import org.junit.jupiter.api.extension.RegisterExtension;

class JdbiPromptsTest extends PromptsContract {
    @RegisterExtension
    static final PostgresDatabase DB = new PostgresDatabase();

    @Override
    protected Prompts prompts() {
        return new JdbiPrompts(DB.session());
    }
}
