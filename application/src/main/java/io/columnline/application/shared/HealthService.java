package io.columnline.application.shared;

import jakarta.inject.Inject;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

public final class HealthService implements HealthUseCase {
    private final StorageHealth storage;
    private final Set<ReadinessCheck> checks;

    @Inject
    public HealthService(StorageHealth storage, Set<ReadinessCheck> checks) {
        this.storage = storage;
        this.checks = Set.copyOf(checks);
    }

    @Override
    public boolean ready() {
        return storage.reachableAndCurrent()
                && checks.stream().allMatch(c -> c.notReady().isEmpty());
    }

    @Override
    public Map<String, String> parts() {
        Map<String, String> parts = new TreeMap<>();
        for (ReadinessCheck check : checks) {
            parts.put(check.name(), check.notReady().orElse("ready"));
        }
        return parts;
    }
}
