package io.columnline.adapters.postgres.tenancy;

import io.columnline.adapters.postgres.shared.JdbiSession;
import io.columnline.application.tenancy.port.out.Clients;

/** The tenancy area's adapters, for the tests of other areas that need its rows. */
public final class TenancyAdapters {
    private TenancyAdapters() {}

    public static Clients clients(JdbiSession session) {
        return new JdbiClients(session);
    }
}
