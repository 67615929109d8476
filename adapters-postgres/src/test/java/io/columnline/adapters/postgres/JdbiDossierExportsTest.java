package io.columnline.adapters.postgres;

import io.columnline.application.contract.DossierExportsContract;
import io.columnline.application.port.out.Batches;
import io.columnline.application.port.out.Clients;
import io.columnline.application.port.out.DossierExports;
import io.columnline.application.port.out.Dossiers;
import io.columnline.application.port.out.Runs;
import io.columnline.application.port.out.Transactions;
import org.junit.jupiter.api.extension.RegisterExtension;

class JdbiDossierExportsTest extends DossierExportsContract {
    @RegisterExtension
    static final PostgresDatabase DB = new PostgresDatabase();

    @Override
    protected DossierExports exports() {
        return new JdbiDossierExports(DB.session());
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

    @Override
    protected Transactions transactions() {
        return DB.session();
    }

    @Override
    protected io.columnline.application.port.out.Contacts contacts() {
        return new JdbiContacts(DB.session());
    }

    @Override
    protected io.columnline.application.port.out.RunContacts runContacts() {
        return new JdbiRunContacts(DB.session());
    }
}
