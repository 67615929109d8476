package io.columnline.adapters.postgres.shared;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.jdbi.v3.core.Jdbi;

/** One pool and one Jdbi for one PostgreSQL database; migrations come from the migrations module. */
public final class Database implements AutoCloseable {
    private static final Migrations MIGRATIONS = new Migrations();

    private final HikariDataSource dataSource;
    private final Jdbi jdbi;

    private Database(HikariDataSource dataSource) {
        this.dataSource = dataSource;
        this.jdbi = Jdbi.create(dataSource);
    }

    public static Database connect(DatabaseUrl url, int maxPoolSize) {
        var config = new HikariConfig();
        config.setJdbcUrl(url.jdbcUrl());
        url.user().ifPresent(config::setUsername);
        url.password().ifPresent(config::setPassword);
        config.setMaximumPoolSize(maxPoolSize);
        config.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        config.setMinimumIdle(Math.min(2, maxPoolSize));
        config.setPoolName("columnline");
        config.setConnectionTimeout(10_000);
        config.setInitializationFailTimeout(-1);
        return new Database(new HikariDataSource(config));
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /** Connections in use, idle and at most, and threads waiting for one; zeros before the pool starts. */
    public record PoolState(int active, int idle, int max, int waiting) {}

    public PoolState pool() {
        var bean = dataSource.getHikariPoolMXBean();
        if (bean == null) {
            return new PoolState(0, 0, dataSource.getMaximumPoolSize(), 0);
        }
        return new PoolState(
                bean.getActiveConnections(),
                bean.getIdleConnections(),
                dataSource.getMaximumPoolSize(),
                bean.getThreadsAwaitingConnection());
    }

    /** Brings the schema to the newest migration; returns how many migrations ran. */
    public int migrate() {
        return flyway().migrate().migrationsExecuted;
    }

    /** True when the database answers and no migration is pending. */
    public boolean isReady() {
        try (Connection c = dataSource.getConnection()) {
            if (!c.isValid(2)) {
                return false;
            }
        } catch (SQLException e) {
            return false;
        }
        return flyway().info().pending().length == 0;
    }

    public Optional<String> schemaVersion() {
        MigrationInfo current = flyway().info().current();
        return current == null
                ? Optional.empty()
                : Optional.of(current.getVersion().getVersion());
    }

    private Flyway flyway() {
        return Flyway.configure()
                .dataSource(dataSource)
                .resourceProvider(MIGRATIONS)
                .javaMigrationClassProvider(Migrations.NO_JAVA_MIGRATIONS)
                .load();
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
