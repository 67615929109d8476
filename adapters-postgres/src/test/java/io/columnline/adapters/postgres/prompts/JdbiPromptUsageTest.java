package io.columnline.adapters.postgres.prompts;

import io.columnline.adapters.postgres.shared.PostgresDatabase;
import io.columnline.adapters.postgres.tenancy.TenancyAdapters;
import io.columnline.adapters.postgres.tracking.TrackingAdapters;
import io.columnline.application.prompts.contract.PromptUsageContract;
import io.columnline.application.prompts.port.out.PromptUsage;
import io.columnline.application.tenancy.port.out.Clients;
import io.columnline.application.tracking.port.out.Runs;
import io.columnline.application.tracking.port.out.StepLog;
import org.junit.jupiter.api.extension.RegisterExtension;

class JdbiPromptUsageTest extends PromptUsageContract {
    @RegisterExtension
    static final PostgresDatabase DB = new PostgresDatabase();

    @Override
    protected PromptUsage usage() {
        return new JdbiPromptUsage(DB.session());
    }

    @Override
    protected Runs runs() {
        return TrackingAdapters.runs(DB.session());
    }

    @Override
    protected StepLog steps() {
        return TrackingAdapters.stepLog(DB.session());
    }

    @Override
    protected Clients clients() {
        return TenancyAdapters.clients(DB.session());
    }
}
