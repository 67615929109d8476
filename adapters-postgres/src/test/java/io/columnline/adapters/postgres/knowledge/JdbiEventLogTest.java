package io.columnline.adapters.postgres.knowledge;

import io.columnline.adapters.postgres.shared.PostgresDatabase;
import io.columnline.adapters.postgres.tenancy.TenancyAdapters;
import io.columnline.application.knowledge.contract.EventLogContract;
import io.columnline.application.knowledge.port.out.EventLog;
import io.columnline.application.tenancy.port.out.Clients;
import org.junit.jupiter.api.extension.RegisterExtension;

class JdbiEventLogTest extends EventLogContract {
    @RegisterExtension
    static final PostgresDatabase DB = new PostgresDatabase();

    @Override
    protected EventLog log() {
        return new JdbiEventLog(DB.session());
    }

    @Override
    protected Clients clients() {
        return TenancyAdapters.clients(DB.session());
    }
}
