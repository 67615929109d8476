package io.columnline.app;

import io.columnline.adapters.postgres.shared.Database;
import io.columnline.adapters.postgres.shared.DatabaseUrl;
import io.columnline.adapters.postgres.shared.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/**
 * The database the process works on: the configured URL, else the embedded PostgreSQL under
 * {@code COLUMNLINE_HOME}. A CLI command finds a running server's embedded PostgreSQL through the
 * port file that server leaves there; with none running it starts one of its own.
 */
public final class DatabaseRuntime implements AutoCloseable {
    static final String PORT_FILE = "postgres.port";
    static final String DATABASE = "columnline";

    private final Database database;
    private final EmbeddedPostgres embedded;
    private final Path portFile;
    private final String description;

    private DatabaseRuntime(Database database, EmbeddedPostgres embedded, Path portFile, String description) {
        this.database = database;
        this.embedded = embedded;
        this.portFile = portFile;
        this.description = description;
    }

    public static DatabaseRuntime open(Config config, int poolSize) {
        if (config.databaseUrl().isPresent()) {
            DatabaseUrl url = DatabaseUrl.parse(config.databaseUrl().get());
            return new DatabaseRuntime(Database.connect(url, poolSize), null, null, url.toString());
        }
        Path home = config.home().toAbsolutePath();
        Path portFile = home.resolve(PORT_FILE);
        Optional<Integer> running = runningPort(portFile);
        if (running.isPresent()) {
            String url = "jdbc:postgresql://127.0.0.1:" + running.get() + "/" + DATABASE + "?user="
                    + EmbeddedPostgres.SUPERUSER;
            return new DatabaseRuntime(
                    Database.connect(DatabaseUrl.parse(url), poolSize),
                    null,
                    null,
                    "embedded PostgreSQL of the running server (port " + running.get() + ")");
        }
        EmbeddedPostgres embedded = EmbeddedPostgres.start(home.resolve("cache"), home.resolve("pgdata"), 0, true);
        try {
            createDatabaseIfMissing(embedded);
            Files.writeString(portFile, Integer.toString(embedded.port()), StandardCharsets.UTF_8);
        } catch (IOException | SQLException | RuntimeException e) {
            embedded.close();
            throw switch (e) {
                case IOException io -> new UncheckedIOException(io);
                case SQLException sql ->
                    new IllegalStateException(
                            "could not create the database " + DATABASE + ": " + sql.getMessage(), sql);
                default -> (RuntimeException) e;
            };
        }
        Database database = Database.connect(DatabaseUrl.parse(embedded.jdbcUrl(DATABASE)), poolSize);
        return new DatabaseRuntime(
                database,
                embedded,
                portFile,
                "embedded PostgreSQL in " + home.resolve("pgdata") + " (port " + embedded.port() + ")");
    }

    public Database database() {
        return database;
    }

    public String description() {
        return description;
    }

    /** {@code embedded} when this process started the PostgreSQL it works on, else {@code external}. */
    public String kind() {
        return embedded != null ? "embedded" : "external";
    }

    @Override
    public void close() {
        database.close();
        if (embedded != null) {
            try {
                Files.deleteIfExists(portFile);
            } catch (IOException ignored) {
                // a stale port file is detected by its dead port
            }
            embedded.close();
        }
    }

    private static Optional<Integer> runningPort(Path portFile) {
        try {
            if (!Files.exists(portFile)) {
                return Optional.empty();
            }
            int port = Integer.parseInt(
                    Files.readString(portFile, StandardCharsets.UTF_8).strip());
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 300);
                return Optional.of(port);
            }
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Plain JDBC: one query is not worth a connection pool and Jdbi's set-up on the way to ready. */
    private static void createDatabaseIfMissing(EmbeddedPostgres embedded) throws SQLException {
        try (Connection c = DriverManager.getConnection(embedded.jdbcUrl("postgres"));
                PreparedStatement exists = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, DATABASE);
            try (ResultSet rows = exists.executeQuery()) {
                if (rows.next()) {
                    return;
                }
            }
            try (Statement create = c.createStatement()) {
                create.execute("CREATE DATABASE " + DATABASE);
            }
        }
    }
}
