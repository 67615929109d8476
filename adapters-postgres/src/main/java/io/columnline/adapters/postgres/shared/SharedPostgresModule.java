package io.columnline.adapters.postgres.shared;

import dagger.Binds;
import dagger.Module;
import io.columnline.application.shared.IdempotencyRecords;
import io.columnline.application.shared.StorageHealth;
import io.columnline.application.shared.Transactions;

/** The shared area's bindings; PostgresModule includes it. */
@Module
public abstract class SharedPostgresModule {
    private SharedPostgresModule() {}

    @Binds
    abstract Transactions transactions(JdbiSession session);

    @Binds
    abstract IdempotencyRecords idempotencyRecords(JdbiIdempotencyRecords records);

    @Binds
    abstract StorageHealth storageHealth(JdbiStorageHealth health);
}
