package io.columnline.adapters.postgres.prompts;

import io.columnline.adapters.postgres.shared.PostgresDatabase;
import io.columnline.application.prompts.contract.PipelinesContract;
import io.columnline.application.prompts.port.out.Pipelines;
import org.junit.jupiter.api.extension.RegisterExtension;

class JdbiPipelinesTest extends PipelinesContract {
    @RegisterExtension
    static final PostgresDatabase DB = new PostgresDatabase();

    @Override
    protected Pipelines pipelines() {
        return new JdbiPipelines(DB.session());
    }
}
