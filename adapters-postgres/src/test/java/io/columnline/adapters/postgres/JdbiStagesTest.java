package io.columnline.adapters.postgres;

import io.columnline.application.contract.StagesContract;
import io.columnline.application.port.out.Clients;
import io.columnline.application.port.out.Runs;
import io.columnline.application.port.out.Stages;
import org.junit.jupiter.api.extension.RegisterExtension;

class JdbiStagesTest extends StagesContract {
    @RegisterExtension
    static final PostgresDatabase DB = new PostgresDatabase();

    @Override
    protected Stages stages() {
        return new JdbiStages(DB.session());
    }

    @Override
    protected Runs runs() {
        return new JdbiRuns(DB.session());
    }

    @Override
    protected Clients clients() {
        return new JdbiClients(DB.session());
    }
}
