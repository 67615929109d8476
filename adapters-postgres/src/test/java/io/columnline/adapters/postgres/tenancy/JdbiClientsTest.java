package io.columnline.adapters.postgres.tenancy;

import io.columnline.adapters.postgres.shared.PostgresDatabase;
import io.columnline.application.tenancy.contract.ClientsContract;
import io.columnline.application.tenancy.port.out.Clients;
import org.junit.jupiter.api.extension.RegisterExtension;

class JdbiClientsTest extends ClientsContract {
    @RegisterExtension
    static final PostgresDatabase DB = new PostgresDatabase();

    @Override
    protected Clients clients() {
        return new JdbiClients(DB.session());
    }
}
