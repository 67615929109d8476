package io.columnline.adapters.postgres.publishing;

import io.columnline.adapters.postgres.shared.Cursors;
import io.columnline.adapters.postgres.shared.JdbiSession;
import io.columnline.adapters.postgres.shared.Rows;
import io.columnline.application.publishing.port.out.Batches;
import io.columnline.application.shared.Cursor;
import io.columnline.application.shared.Page;
import io.columnline.application.shared.PageRequest;
import io.columnline.domain.batch.Batch;
import io.columnline.domain.batch.BatchCounts;
import io.columnline.domain.batch.BatchId;
import io.columnline.domain.batch.BatchStatus;
import io.columnline.domain.client.ClientId;
import io.columnline.domain.run.RunId;
import jakarta.inject.Inject;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** A batch's counts are one aggregate over its runs (batch_runs_of_batch, then each run's status). */
final class JdbiBatches implements Batches {
    private static final String[] COLUMN_NAMES = {"id", "client_id", "name", "day", "pipeline_version", "created_at"};
    private static final String COLUMNS = columns("b", "");
    private static final String COUNTS =
            " CROSS JOIN LATERAL (SELECT count(*) AS started, count(*) FILTER (WHERE r.status = 'failed') AS failed,"
                    + " count(*) FILTER (WHERE r.status = 'published') AS published"
                    + " FROM batch_runs br JOIN runs r ON r.id = br.run_id WHERE br.batch_id = b.id) c";
    private static final String STATUS =
            "CASE WHEN c.started > 0 AND c.failed + c.published = c.started THEN 'complete' ELSE 'in_progress' END";

    private final JdbiSession session;

    @Inject
    JdbiBatches(JdbiSession session) {
        this.session = session;
    }

    @Override
    public void insert(Batch b) {
        session.useHandle(
                h -> h.createUpdate("INSERT INTO batches (id, client_id, name, day, pipeline_version, created_at)"
                                + " VALUES (:id, :client, :name, :day, :version, :created)")
                        .bind("id", b.id().value())
                        .bind("client", b.client().value())
                        .bind("name", b.name())
                        .bind("day", b.day())
                        .bind("version", b.pipelineVersion())
                        .bind("created", Rows.offset(b.createdAt()))
                        .execute());
    }

    @Override
    public Optional<Batch> byId(BatchId id) {
        return session.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM batches b WHERE b.id = :id")
                .bind("id", id.value())
                .map((rs, ctx) -> batch(rs))
                .findOne());
    }

    @Override
    public Optional<Batch> byName(ClientId client, String name) {
        return session.withHandle(h -> h.createQuery(
                        "SELECT " + COLUMNS + " FROM batches b WHERE b.client_id = :client AND b.name = :name")
                .bind("client", client.value())
                .bind("name", name)
                .map((rs, ctx) -> batch(rs))
                .findOne());
    }

    @Override
    public void addRun(Batch batch, RunId run) {
        session.useHandle(h -> h.createUpdate(
                        "INSERT INTO batch_runs (client_id, run_id, batch_id) VALUES (:client, :run, :batch)")
                .bind("client", batch.client().value())
                .bind("run", run.value())
                .bind("batch", batch.id().value())
                .execute());
    }

    @Override
    public Optional<Batch> ofRun(RunId run) {
        return session.withHandle(h -> h.createQuery("SELECT " + COLUMNS
                        + " FROM batch_runs r JOIN batches b ON b.id = r.batch_id WHERE r.run_id = :run")
                .bind("run", run.value())
                .map((rs, ctx) -> batch(rs))
                .findOne());
    }

    @Override
    public BatchCounts counts(BatchId batch) {
        return session.withHandle(h -> h.createQuery("SELECT c.* FROM (SELECT CAST(:id AS uuid) AS id) b" + COUNTS)
                .bind("id", batch.value())
                .map((rs, ctx) -> counts(rs))
                .one());
    }

    @Override
    public Page<Counted> list(Query query, PageRequest page) {
        List<Counted> rows = session.withHandle(h -> h.createQuery("SELECT " + COLUMNS + ", c.* FROM batches b" + COUNTS
                        + " WHERE (CAST(:client AS uuid) IS NULL OR b.client_id = CAST(:client AS uuid))"
                        + " AND (CAST(:status AS text) IS NULL OR " + STATUS + " = CAST(:status AS text))"
                        + " AND (CAST(:afterDay AS date) IS NULL OR b.day < CAST(:afterDay AS date)"
                        + "      OR (b.day = CAST(:afterDay AS date)"
                        + "          AND (b.name, b.id) > (CAST(:afterName AS text), CAST(:afterId AS uuid))))"
                        + " ORDER BY b.day DESC, b.name, b.id LIMIT :limit")
                .bind("client", query.client().map(ClientId::value).orElse(null))
                .bind("status", query.status().map(BatchStatus::wire).orElse(null))
                .bind("afterDay", Cursors.day(page, 0))
                .bind("afterName", Cursors.text(page, 1))
                .bind("afterId", Cursors.uuid(page, 2))
                .bind("limit", page.limit() + 1)
                .map((rs, ctx) -> new Counted(batch(rs), counts(rs)))
                .list());
        return Page.fromLookahead(
                rows,
                page.limit(),
                c -> Cursor.of(
                        c.batch().day().toString(),
                        c.batch().name(),
                        c.batch().id().toString()));
    }

    /** The batch's columns of {@code table}, named {@code prefix + column} (see {@link Rows#columns}). */
    static String columns(String table, String prefix) {
        return Rows.columns(table, prefix, COLUMN_NAMES);
    }

    private static Batch batch(ResultSet rs) throws SQLException {
        return batch(rs, "");
    }

    static Batch batch(ResultSet rs, String prefix) throws SQLException {
        return new Batch(
                new BatchId(Rows.uuid(rs, prefix + "id")),
                new ClientId(Rows.uuid(rs, prefix + "client_id")),
                rs.getString(prefix + "name"),
                rs.getObject(prefix + "day", LocalDate.class),
                rs.getString(prefix + "pipeline_version"),
                Rows.instant(rs, prefix + "created_at"));
    }

    private static BatchCounts counts(ResultSet rs) throws SQLException {
        return new BatchCounts(rs.getLong("started"), rs.getLong("failed"), rs.getLong("published"));
    }
}
