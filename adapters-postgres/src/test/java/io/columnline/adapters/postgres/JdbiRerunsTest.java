package io.columnline.adapters.postgres;

import io.columnline.application.contract.RerunsContract;
import io.columnline.application.port.out.Batches;
import io.columnline.application.port.out.Clients;
import io.columnline.application.port.out.Dossiers;
import io.columnline.application.port.out.Reruns;
import io.columnline.application.port.out.Runs;
import org.junit.jupiter.api.extension.RegisterExtension;

class JdbiRerunsTest extends RerunsContract {
    @RegisterExtension
    static final PostgresDatabase DB = new PostgresDatabase();

    @Override
    protected Reruns reruns() {
        return new JdbiReruns(DB.session());
    }

    @Override
    protected Dossiers dossiers() {
        return new JdbiDossiers(DB.session());
    }

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
