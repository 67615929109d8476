package io.columnline.adapters.postgres;

import io.columnline.application.contract.RunsContract;
import io.columnline.application.port.out.Clients;
import io.columnline.application.port.out.Runs;
import org.junit.jupiter.api.extension.RegisterExtension;

class JdbiRunsTest extends RunsContract {
    @RegisterExtension
    static final PostgresDatabase DB = new PostgresDatabase();

    @Override
    protected Runs runs() {
        return new JdbiRuns(DB.session());
    }

    @Override
    protected Clients clients() {
        return new JdbiClients(DB.session());
    }
}
