package io.columnline.app;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/** Opens the database on first use (so {@code --help} never starts PostgreSQL) and closes it once. */
@Singleton
public final class Lifecycle {
  private final Config config;
  private DatabaseRuntime runtime;

  @Inject
  Lifecycle(Config config) {
    this.config = config;
  }

  public Config config() {
    return config;
  }

  public synchronized DatabaseRuntime database() {
    if (runtime == null) {
      runtime = DatabaseRuntime.open(config, config.poolSize());
      runtime.database().migrate();
    }
    return runtime;
  }

  public synchronized void close() {
    if (runtime != null) {
      runtime.close();
      runtime = null;
    }
  }
}
