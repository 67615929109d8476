package io.columnline.adapters.postgres.knowledge;

import io.columnline.adapters.postgres.shared.PostgresDatabase;
import io.columnline.adapters.postgres.tenancy.TenancyAdapters;
import io.columnline.application.knowledge.contract.ArtifactsContract;
import io.columnline.application.knowledge.port.out.Artifacts;
import io.columnline.application.tenancy.port.out.Clients;
import org.junit.jupiter.api.extension.RegisterExtension;

class JdbiArtifactsTest extends ArtifactsContract {
    @RegisterExtension
    static final PostgresDatabase DB = new PostgresDatabase();

    @Override
    protected Artifacts artifacts() {
        return new JdbiArtifacts(DB.session());
    }

    @Override
    protected Clients clients() {
        return TenancyAdapters.clients(DB.session());
    }
}
