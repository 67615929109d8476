package io.columnline.adapters.postgres.prompts;

import io.columnline.adapters.postgres.shared.PostgresDatabase;
import io.columnline.application.prompts.contract.SectionDefinitionsContract;
import io.columnline.application.prompts.port.out.SectionDefinitions;
import org.junit.jupiter.api.extension.RegisterExtension;

class JdbiSectionDefinitionsTest extends SectionDefinitionsContract {
    @RegisterExtension
    static final PostgresDatabase DB = new PostgresDatabase();

    @Override
    protected SectionDefinitions definitions() {
        return new JdbiSectionDefinitions(DB.session(), java.time.Clock.systemUTC());
    }
}
