package io.columnline.adapters.postgres.shared;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * {@code @RegisterExtension static final PostgresDatabase DB = new PostgresDatabase();} gives a
 * test class a migrated database of its own, emptied before each test.
 */
public final class PostgresDatabase implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {
    private Database database;
    private JdbiSession session;
    private final boolean truncateBeforeEach;

    public PostgresDatabase() {
        this(true);
    }

    public PostgresDatabase(boolean truncateBeforeEach) {
        this.truncateBeforeEach = truncateBeforeEach;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        database = TestPostgres.newDatabase();
        session = new JdbiSession(database.jdbi());
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (truncateBeforeEach) {
            TestPostgres.truncateAll(database);
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        database.close();
    }

    public Database database() {
        return database;
    }

    public JdbiSession session() {
        return session;
    }
}
