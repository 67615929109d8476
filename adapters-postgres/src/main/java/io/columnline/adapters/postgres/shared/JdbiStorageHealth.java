package io.columnline.adapters.postgres.shared;

import io.columnline.application.shared.StorageHealth;
import jakarta.inject.Inject;

final class JdbiStorageHealth implements StorageHealth {
    private final Database database;

    @Inject
    JdbiStorageHealth(Database database) {
        this.database = database;
    }

    @Override
    public boolean reachableAndCurrent() {
        return database.isReady();
    }
}
