package io.columnline.application.shared;

import jakarta.inject.Inject;

public final class HealthService implements HealthUseCase {
    private final StorageHealth storage;

    @Inject
    public HealthService(StorageHealth storage) {
        this.storage = storage;
    }

    @Override
    public boolean ready() {
        return storage.reachableAndCurrent();
    }
}
