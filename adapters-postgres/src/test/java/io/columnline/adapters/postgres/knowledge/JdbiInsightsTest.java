package io.columnline.adapters.postgres.knowledge;

import io.columnline.adapters.postgres.shared.PostgresDatabase;
import io.columnline.adapters.postgres.tenancy.TenancyAdapters;
import io.columnline.application.knowledge.contract.InsightsContract;
import io.columnline.application.knowledge.port.out.Insights;
import io.columnline.application.tenancy.port.out.Clients;
import org.junit.jupiter.api.extension.RegisterExtension;

class JdbiInsightsTest extends InsightsContract {
    @RegisterExtension
    static final PostgresDatabase DB = new PostgresDatabase();

    @Override
    protected Insights insights() {
        return new JdbiInsights(DB.session());
    }

    @Override
    protected Clients clients() {
        return TenancyAdapters.clients(DB.session());
    }
}
