package io.columnline.adapters.postgres.publishing;

import io.columnline.adapters.postgres.shared.PostgresDatabase;
import io.columnline.adapters.postgres.tenancy.TenancyAdapters;
import io.columnline.adapters.postgres.tracking.TrackingAdapters;
import io.columnline.application.publishing.contract.DossiersContract;
import io.columnline.application.publishing.port.out.Batches;
import io.columnline.application.publishing.port.out.DossierLists;
import io.columnline.application.publishing.port.out.Dossiers;
import io.columnline.application.tenancy.port.out.Clients;
import io.columnline.application.tracking.port.out.Runs;
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
        return TrackingAdapters.runs(DB.session());
    }

    @Override
    protected Clients clients() {
        return TenancyAdapters.clients(DB.session());
    }
}
