package io.columnline.adapters.postgres;

import io.columnline.application.contract.SectionDefinitionsContract;
import io.columnline.application.port.out.SectionDefinitions;
import org.junit.jupiter.api.extension.RegisterExtension;

class JdbiSectionDefinitionsTest extends SectionDefinitionsContract {
    @RegisterExtension
    static final PostgresDatabase DB = new PostgresDatabase();

    @Override
    protected SectionDefinitions definitions() {
        return new JdbiSectionDefinitions(DB.session());
    }
}
