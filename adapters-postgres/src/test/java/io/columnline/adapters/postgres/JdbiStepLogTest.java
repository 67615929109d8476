package io.columnline.adapters.postgres;

import io.columnline.application.contract.StepLogContract;
import io.columnline.application.port.out.Clients;
import io.columnline.application.port.out.Runs;
import io.columnline.application.port.out.StepLog;
import org.junit.jupiter.api.extension.RegisterExtension;

class JdbiStepLogTest extends StepLogContract {
    @RegisterExtension
    static final PostgresDatabase DB = new PostgresDatabase();

    @Override
    protected StepLog steps() {
        return new JdbiStepLog(DB.session());
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
