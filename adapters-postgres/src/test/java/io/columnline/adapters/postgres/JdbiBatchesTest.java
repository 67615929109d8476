package io.columnline.adapters.postgres;

import io.columnline.application.contract.BatchesContract;
import io.columnline.application.port.out.Batches;
import io.columnline.application.port.out.Clients;
import io.columnline.application.port.out.Runs;
import org.junit.jupiter.api.extension.RegisterExtension;

class JdbiBatchesTest extends BatchesContract {
    @RegisterExtension
    static final PostgresDatabase DB = new PostgresDatabase();

    @Override
    protected Batches batches() {
        return new JdbiBatches(DB.session());
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
