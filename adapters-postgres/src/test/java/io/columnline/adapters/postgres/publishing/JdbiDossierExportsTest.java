package io.columnline.adapters.postgres.publishing;

import io.columnline.adapters.postgres.prospects.ProspectsAdapters;
import io.columnline.adapters.postgres.shared.PostgresDatabase;
import io.columnline.adapters.postgres.tenancy.TenancyAdapters;
import io.columnline.adapters.postgres.tracking.TrackingAdapters;
import io.columnline.application.publishing.contract.DossierExportsContract;
import io.columnline.application.publishing.port.out.Batches;
import io.columnline.application.publishing.port.out.DossierExports;
import io.columnline.application.publishing.port.out.Dossiers;
import io.columnline.application.shared.Transactions;
import io.columnline.application.tenancy.port.out.Clients;
import io.columnline.application.tracking.port.out.Runs;
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
        return TrackingAdapters.runs(DB.session());
    }

    @Override
    protected Clients clients() {
        return TenancyAdapters.clients(DB.session());
    }

    @Override
    protected Transactions transactions() {
        return DB.session();
    }

    @Override
    protected io.columnline.application.prospects.port.out.Contacts contacts() {
        return ProspectsAdapters.contacts(DB.session());
    }

    @Override
    protected io.columnline.application.prospects.port.out.RunContacts runContacts() {
        return ProspectsAdapters.runContacts(DB.session());
    }
}
