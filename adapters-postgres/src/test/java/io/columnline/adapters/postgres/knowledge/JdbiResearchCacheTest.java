package io.columnline.adapters.postgres.knowledge;

import io.columnline.adapters.postgres.shared.PostgresDatabase;
import io.columnline.adapters.postgres.tenancy.TenancyAdapters;
import io.columnline.adapters.postgres.tracking.TrackingAdapters;
import io.columnline.application.knowledge.contract.ResearchCacheContract;
import io.columnline.application.knowledge.port.out.ResearchCache;
import io.columnline.application.tenancy.port.out.Clients;
import io.columnline.application.tracking.port.out.Runs;
import org.junit.jupiter.api.extension.RegisterExtension;

class JdbiResearchCacheTest extends ResearchCacheContract {
    @RegisterExtension
    static final PostgresDatabase DB = new PostgresDatabase();

    @Override
    protected ResearchCache cache() {
        return new JdbiResearchCache(DB.session());
    }

    @Override
    protected Clients clients() {
        return TenancyAdapters.clients(DB.session());
    }

    @Override
    protected Runs runs() {
        return TrackingAdapters.runs(DB.session());
    }
}
