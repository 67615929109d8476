package io.columnline.adapters.postgres.publishing;

import io.columnline.adapters.postgres.shared.PostgresDatabase;
import io.columnline.adapters.postgres.tenancy.TenancyAdapters;
import io.columnline.adapters.postgres.tracking.TrackingAdapters;
import io.columnline.application.publishing.contract.RerunsContract;
import io.columnline.application.publishing.port.out.Batches;
import io.columnline.application.publishing.port.out.Dossiers;
import io.columnline.application.publishing.port.out.Reruns;
import io.columnline.application.tenancy.port.out.Clients;
import io.columnline.application.tracking.port.out.Runs;
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
        return TrackingAdapters.runs(DB.session());
    }

    @Override
    protected Clients clients() {
        return TenancyAdapters.clients(DB.session());
    }
}
