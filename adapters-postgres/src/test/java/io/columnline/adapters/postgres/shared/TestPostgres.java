package io.columnline.adapters.postgres.shared;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One real PostgreSQL per test JVM. The migrations run once into a template database; every test
 * class gets its own database cloned from it, which takes milliseconds.
 */
public final class TestPostgres {
    private static final String TEMPLATE = "columnline_template";
    /** Reference data the migrations load; tests keep it between cases. */
    private static final Set<String> KEEP = Set.of("flyway_schema_history", "model_prices", "knowledge_index_epoch");

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static EmbeddedPostgres server;

    private TestPostgres() {}

    /** A new, fully migrated, empty database of its own. */
    public static Database newDatabase() {
        return Database.connect(DatabaseUrl.parse(newDatabaseUrl()), 8);
    }

    /** The JDBC URL of a new, fully migrated, empty database, for tests that connect themselves. */
    public static String newDatabaseUrl() {
        String name = "test_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        exec("postgres", "CREATE DATABASE " + name + " TEMPLATE " + TEMPLATE);
        return url(name);
    }

    /** The JDBC URL of a new database without any schema, for tests of the migrations themselves. */
    public static String newEmptyDatabaseUrl() {
        String name = "empty_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        exec("postgres", "CREATE DATABASE " + name + " TEMPLATE template0");
        return url(name);
    }

    public static String url(String database) {
        return started().jdbcUrl(database);
    }

    /** Empties every table but reference data, so each test starts clean inside its class's database. */
    public static void truncateAll(Database database) {
        database.jdbi().useHandle(h -> {
            List<String> tables = h
                    .createQuery("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")
                    .mapTo(String.class)
                    .list()
                    .stream()
                    .filter(t -> !KEEP.contains(t))
                    .toList();
            if (!tables.isEmpty()) {
                h.execute("TRUNCATE " + String.join(", ", tables) + " CASCADE");
            }
        });
    }

    private static synchronized EmbeddedPostgres started() {
        if (server == null) {
            try {
                Path data = Files.createTempDirectory("columnline-test-pg-");
                server = EmbeddedPostgres.start(
                        Path.of(System.getProperty("java.io.tmpdir"), "columnline-pg"), data, 0, false);
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    server.close();
                    deleteQuietly(data);
                }));
                exec("postgres", "CREATE DATABASE " + TEMPLATE);
                try (Database template = Database.connect(DatabaseUrl.parse(server.jdbcUrl(TEMPLATE)), 2)) {
                    template.migrate();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return server;
    }

    private static void exec(String database, String sql) {
        try (Connection c = DriverManager.getConnection(started().jdbcUrl(database));
                Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    private static void deleteQuietly(Path root) {
        try (var paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // the OS cleans temp folders; a leftover one does no harm
        }
    }
}
