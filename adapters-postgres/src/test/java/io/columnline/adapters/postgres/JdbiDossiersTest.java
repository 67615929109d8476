package io.columnline.adapters.postgres;

import io.columnline.application.contract.DossiersContract;
import io.columnline.application.port.out.Batches;
import io.columnline.application.port.out.Clients;
import io.columnline.application.port.out.DossierLists;
import io.columnline.application.port.out.Dossiers;
import io.columnline.application.port.out.Runs;
import org.junit.jupiter.api.extension.RegisterExtension;

class JdbiDossiersTest extends DossiersContract {
    @RegisterExtension
    static final PostgresDatabase DB = new PostgresDatabase();

    @Override
    protected Dossiers dossiers() {
        return new JdbiDossiers(DB.session());
    }

    @Override
    protected DossierLists lists() {
        return new JdbiDossierLists(DB.session());
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
