package io.columnline.adapters.postgres.prospects;

import io.columnline.adapters.postgres.shared.Cursors;
import io.columnline.adapters.postgres.shared.Database;
import io.columnline.adapters.postgres.shared.JdbiSession;
import io.columnline.adapters.postgres.shared.Rows;
import io.columnline.application.prospects.port.out.ProspectImports;
import io.columnline.application.shared.Cursor;
import io.columnline.application.shared.Page;
import io.columnline.application.shared.PageRequest;
import io.columnline.domain.client.ClientId;
import io.columnline.domain.prospect.ImportCounts;
import io.columnline.domain.prospect.ImportRecord;
import io.columnline.domain.prospect.ProspectKind;
import io.columnline.domain.prospect.RowProblem;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Imports through {@code COPY}: rows stream into a temporary staging table on a connection of
 * their own, then a handful of set-based statements de-duplicate, check what only the database can
 * check, update the rows that really differ and insert the new ones, all in one transaction.
 */
final class PostgresProspectImports implements ProspectImports {
    private static final String RECORD_COLUMNS = "id, client_id, kind, file_name, file_sha256, session_key, batch_id,"
            + " rows_read, inserted, updated, unchanged, rejected, duplicates_in_file, started_at, finished_at";

    private final Database database;
    private final JdbiSession session;
    private final Clock clock;

    @Inject
    PostgresProspectImports(Database database, JdbiSession session, Clock clock) {
        this.database = database;
        this.session = session;
        this.clock = clock;
    }

    @Override
    public Batch begin(Plan plan) {
        Connection connection = null;
        try {
            connection = database.dataSource().getConnection();
            return new CopyBatch(plan, connection, clock);
        } catch (SQLException e) {
            if (connection != null) {
                CopyBatch.closeQuietly(connection);
            }
            throw new ImportFailed("could not start the import: " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<ImportRecord> previous(
            ClientId client, ProspectKind kind, String sha256, Optional<String> sessionKey, Optional<String> batchId) {
        return session.withHandle(h -> h.createQuery("SELECT " + RECORD_COLUMNS + " FROM imports"
                        + " WHERE client_id = :client AND kind = :kind AND file_sha256 = :sha"
                        + " AND session_key IS NOT DISTINCT FROM CAST(:session AS text)"
                        + " AND batch_id IS NOT DISTINCT FROM CAST(:batch AS text)"
                        + " ORDER BY finished_at DESC LIMIT 1")
                .bind("client", client.value())
                .bind("kind", kind.key())
                .bind("sha", sha256)
                .bind("session", sessionKey.orElse(null))
                .bind("batch", batchId.orElse(null))
                .map(PostgresProspectImports::record)
                .findOne());
    }

    @Override
    public Optional<ImportRecord> byId(UUID id) {
        return session.withHandle(h -> h.createQuery("SELECT " + RECORD_COLUMNS + " FROM imports WHERE id = :id")
                .bind("id", id)
                .map(PostgresProspectImports::record)
                .findOne());
    }

    @Override
    public Page<ImportRecord> list(ClientId client, PageRequest page) {
        List<ImportRecord> rows = session.withHandle(h -> h.createQuery("SELECT " + RECORD_COLUMNS + " FROM imports"
                        + " WHERE client_id = :client AND (CAST(:afterTime AS timestamptz) IS NULL"
                        + " OR (started_at, id) < (CAST(:afterTime AS timestamptz), CAST(:afterId AS uuid)))"
                        + " ORDER BY started_at DESC, id DESC LIMIT :limit")
                .bind("client", client.value())
                .bind("afterTime", Rows.offset(Cursors.instant(page, 0)))
                .bind("afterId", Cursors.uuid(page, 1))
                .bind("limit", page.limit() + 1)
                .map(PostgresProspectImports::record)
                .list());
        return Page.fromLookahead(
                rows, page.limit(), r -> Cursor.of(r.startedAt().toString(), r.id().toString()));
    }

    @Override
    public Page<RowProblem> errors(UUID importId, PageRequest page) {
        record Numbered(int seq, RowProblem problem) {}
        List<Numbered> rows = session.withHandle(h -> h.createQuery("""
            SELECT seq, line, column_name, value, reason FROM import_errors
            WHERE import_id = :id AND seq > :after ORDER BY seq LIMIT :limit
            """)
                .bind("id", importId)
                .bind("after", Optional.ofNullable(Cursors.number(page, 0)).orElse(0L))
                .bind("limit", page.limit() + 1)
                .map((rs, ctx) -> new Numbered(
                        rs.getInt("seq"),
                        new RowProblem(
                                rs.getLong("line"),
                                rs.getString("column_name"),
                                rs.getString("value"),
                                rs.getString("reason"))))
                .list());
        return Page.fromLookahead(rows, page.limit(), n -> Cursor.of(Integer.toString(n.seq())))
                .map(Numbered::problem);
    }

    private static ImportRecord record(ResultSet rs, StatementContext ctx) throws SQLException {
        return new ImportRecord(
                Rows.uuid(rs, "id"),
                new ClientId(Rows.uuid(rs, "client_id")),
                ProspectKind.fromKey(rs.getString("kind")),
                rs.getString("file_name"),
                rs.getString("file_sha256"),
                Rows.optionalString(rs, "session_key"),
                Rows.optionalString(rs, "batch_id"),
                new ImportCounts(
                        rs.getLong("rows_read"),
                        rs.getLong("inserted"),
                        rs.getLong("updated"),
                        rs.getLong("unchanged"),
                        rs.getLong("rejected"),
                        rs.getLong("duplicates_in_file")),
                Rows.instant(rs, "started_at"),
                Rows.instant(rs, "finished_at"));
    }
}
