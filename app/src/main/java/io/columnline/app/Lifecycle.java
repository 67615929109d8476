package io.columnline.app;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/** Opens the database on first use (so {@code --help} never starts PostgreSQL) and closes it once. */
@Singleton
public final class Lifecycle {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Lifecycle.class);

    private final Config config;
    private DatabaseRuntime runtime;
    private int migrationsApplied;
    /** The migrated database once open, for readers that must not open it (metrics). */
    private volatile io.columnline.adapters.postgres.shared.Database open;

    @Inject
    Lifecycle(Config config) {
        this.config = config;
    }

    public Config config() {
        return config;
    }

    public synchronized DatabaseRuntime database() {
        if (runtime == null) {
            long started = System.nanoTime();
            runtime = DatabaseRuntime.open(config, config.poolSize());
            long opened = System.nanoTime();
            int migrations = runtime.database().migrate();
            migrationsApplied = migrations;
            LOG.debug(
                    "database open in {} ms, {} migrations applied in {} ms",
                    (opened - started) / 1_000_000,
                    migrations,
                    (System.nanoTime() - opened) / 1_000_000);
            open = runtime.database();
        }
        return runtime;
    }

    /** How many migrations opening the database applied (0 before it is open). */
    public synchronized int migrationsApplied() {
        return migrationsApplied;
    }

    public java.util.Optional<io.columnline.adapters.postgres.shared.Database> databaseIfOpen() {
        return java.util.Optional.ofNullable(open);
    }

    public synchronized void close() {
        if (runtime != null) {
            open = null;
            runtime.close();
            runtime = null;
        }
    }
}
