package io.columnline.adapters.postgres.tracking;

import io.columnline.adapters.postgres.shared.PostgresDatabase;
import io.columnline.adapters.postgres.tenancy.TenancyAdapters;
import io.columnline.application.tenancy.port.out.Clients;
import io.columnline.application.tracking.contract.UsageRollupsContract;
import io.columnline.application.tracking.port.out.Runs;
import io.columnline.application.tracking.port.out.StepLog;
import io.columnline.application.tracking.port.out.UsageRollups;
import org.junit.jupiter.api.extension.RegisterExtension;

class JdbiUsageRollupsTest extends UsageRollupsContract {
    @RegisterExtension
    static final PostgresDatabase DB = new PostgresDatabase();

    @Override
    protected UsageRollups rollups() {
        return new JdbiUsageRollups(DB.session());
    }

    @Override
    protected Runs runs() {
        return new JdbiRuns(DB.session());
    }

    @Override
    protected StepLog steps() {
        return new JdbiStepLog(DB.session());
    }

    @Override
    protected Clients clients() {
        return TenancyAdapters.clients(DB.session());
    }
}
