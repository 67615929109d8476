package io.columnline.adapters.postgres.prompts;

import io.columnline.adapters.postgres.shared.PostgresDatabase;
import io.columnline.application.prompts.contract.PromptsContract;
import io.columnline.application.prompts.port.out.Prompts;
import org.junit.jupiter.api.extension.RegisterExtension;

class JdbiPromptsTest extends PromptsContract {
    @RegisterExtension
    static final PostgresDatabase DB = new PostgresDatabase();

    @Override
    protected Prompts prompts() {
        return new JdbiPrompts(DB.session());
    }
}
