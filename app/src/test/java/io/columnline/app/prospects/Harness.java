package io.columnline.app.prospects;

import com.zaxxer.hikari.HikariDataSource;
import io.columnline.adapters.postgres.shared.Database;
import io.columnline.adapters.postgres.shared.TestPostgres;
import io.columnline.app.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;

/** Runs {@code columnline} commands in-process against a database of the test's own. */
final class Harness implements AutoCloseable {
    final Database database = TestPostgres.newDatabase();
    final String url = ((HikariDataSource) database.dataSource()).getJdbcUrl();

    record Run(int exit, String out, String err) {}

    Run cli(String... args) {
        var out = new StringWriter();
        var err = new StringWriter();
        int exit = Main.run(
                args,
                Map.of("COLUMNLINE_DATABASE_URL", url, "COLUMNLINE_DB_POOL_SIZE", "4"),
                new PrintWriter(out, true),
                new PrintWriter(err, true));
        return new Run(exit, out.toString(), err.toString());
    }

    long count(String sql) {
        return database.jdbi()
                .withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }

    @Override
    public void close() {
        database.close();
    }
}
