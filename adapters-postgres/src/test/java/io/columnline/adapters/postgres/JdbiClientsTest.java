package io.columnline.adapters.postgres;

import io.columnline.application.contract.ClientsContract;
import io.columnline.application.port.out.Clients;
import org.junit.jupiter.api.extension.RegisterExtension;

class JdbiClientsTest extends ClientsContract {
    @RegisterExtension
    static final PostgresDatabase DB = new PostgresDatabase();

    @Override
    protected Clients clients() {
        return new JdbiClients(DB.session());
    }
}
