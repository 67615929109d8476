package io.columnline.adapters.postgres.tenancy;

import dagger.Binds;
import dagger.Module;
import io.columnline.application.tenancy.port.out.ApiKeys;
import io.columnline.application.tenancy.port.out.Clients;

/** The tenancy area's bindings; PostgresModule includes it. */
@Module
public abstract class TenancyPostgresModule {
    private TenancyPostgresModule() {}

    @Binds
    abstract Clients clients(JdbiClients clients);

    @Binds
    abstract ApiKeys apiKeys(JdbiApiKeys keys);
}
