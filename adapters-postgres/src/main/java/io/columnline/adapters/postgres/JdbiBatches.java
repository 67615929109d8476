package io.columnline.adapters.postgres;

import io.columnline.application.page.Cursor;
import io.columnline.application.page.Page;
import io.columnline.application.page.PageRequest;
import io.columnline.application.port.out.Batches;
import io.columnline.domain.batch.Batch;
import io.columnline.domain.batch.BatchId;
import io.columnline.domain.batch.BatchStatus;
import io.columnline.domain.client.ClientId;
import io.columnline.domain.error.Invalid;
import io.columnline.domain.run.RunId;
import jakarta.inject.Inject;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.statement.StatementContext;

final class JdbiBatches implements Batches {
  private static final String COLUMNS = "id, client_id, name, day, pipeline_version, runs_started, runs_failed,"
      + " dossiers_published, created_at, updated_at";

  private final JdbiSession session;

  @Inject
  JdbiBatches(JdbiSession session) {
    this.session = session;
  }

  @Override
  public void insert(Batch b) {
    session.useHandle(h -> h.createUpdate(
            """
            INSERT INTO batches (id, client_id, name, day, pipeline_version, status, runs_started, runs_failed,
                                 dossiers_published, created_at, updated_at)
            VALUES (:id, :client, :name, :day, :version, :status, :started, :failed, :published, :created, :updated)
            """)
        .bind("id", b.id().value())
        .bind("client", b.client().value())
        .bind("name", b.name())
        .bind("day", b.day())
        .bind("version", b.pipelineVersion())
        .bind("status", b.status().wire())
        .bind("started", b.runsStarted())
        .bind("failed", b.runsFailed())
        .bind("published", b.dossiersPublished())
        .bind("created", Rows.offset(b.createdAt()))
        .bind("updated", Rows.offset(b.updatedAt()))
        .execute());
  }

  @Override
  public void update(Batch b) {
    session.useHandle(h -> h.createUpdate(
            "UPDATE batches SET status = :status, runs_started = :started, runs_failed = :failed,"
                + " dossiers_published = :published, updated_at = :updated WHERE id = :id")
        .bind("id", b.id().value())
        .bind("status", b.status().wire())
        .bind("started", b.runsStarted())
        .bind("failed", b.runsFailed())
        .bind("published", b.dossiersPublished())
        .bind("updated", Rows.offset(b.updatedAt()))
        .execute());
  }

  @Override
  public Optional<Batch> byId(BatchId id) {
    return byId(id, "");
  }

  @Override
  public Optional<Batch> lock(BatchId id) {
    return byId(id, " FOR UPDATE");
  }

  @Override
  public Optional<Batch> byName(ClientId client, String name) {
    return byName(client, name, "");
  }

  @Override
  public Optional<Batch> lock(ClientId client, String name) {
    return byName(client, name, " FOR UPDATE");
  }

  private Optional<Batch> byId(BatchId id, String lock) {
    return session.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM batches WHERE id = :id" + lock)
        .bind("id", id.value())
        .map(JdbiBatches::batch)
        .findOne());
  }

  private Optional<Batch> byName(ClientId client, String name, String lock) {
    return session.withHandle(h -> h.createQuery(
            "SELECT " + COLUMNS + " FROM batches WHERE client_id = :client AND name = :name" + lock)
        .bind("client", client.value())
        .bind("name", name)
        .map(JdbiBatches::batch)
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
  public Optional<BatchId> ofRun(RunId run) {
    return session.withHandle(h -> h.createQuery("SELECT batch_id FROM batch_runs WHERE run_id = :run")
        .bind("run", run.value())
        .map((rs, ctx) -> new BatchId(Rows.uuid(rs, "batch_id")))
        .findOne());
  }

  @Override
  public Page<Batch> list(Query query, PageRequest page) {
    Optional<Cursor> cursor = page.cursor();
    List<Batch> rows = session.withHandle(h -> h.createQuery(
            "SELECT " + COLUMNS + " FROM batches"
                + " WHERE (CAST(:client AS uuid) IS NULL OR client_id = CAST(:client AS uuid))"
                + " AND (CAST(:status AS text) IS NULL OR status = CAST(:status AS text))"
                + " AND (CAST(:afterDay AS date) IS NULL OR day < CAST(:afterDay AS date)"
                + "      OR (day = CAST(:afterDay AS date) AND (name, id) > (CAST(:afterName AS text), CAST(:afterId AS uuid))))"
                + " ORDER BY day DESC, name, id LIMIT :limit")
        .bind("client", query.client().map(ClientId::value).orElse(null))
        .bind("status", query.status().map(BatchStatus::wire).orElse(null))
        .bind("afterDay", cursor.map(JdbiBatches::day).orElse(null))
        .bind("afterName", cursor.map(c -> c.value(1)).orElse(null))
        .bind("afterId", cursor.map(JdbiBatches::id).orElse(null))
        .bind("limit", page.limit() + 1)
        .map(JdbiBatches::batch)
        .list());
    return Page.fromLookahead(rows, page.limit(), b -> Cursor.of(b.day().toString(), b.name(), b.id().toString()));
  }

  private static LocalDate day(Cursor cursor) {
    try {
      cursor.value(1);
      return LocalDate.parse(cursor.value(0));
    } catch (DateTimeParseException | IndexOutOfBoundsException e) {
      throw badCursor();
    }
  }

  private static UUID id(Cursor cursor) {
    try {
      return UUID.fromString(cursor.value(2));
    } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
      throw badCursor();
    }
  }

  private static Invalid badCursor() {
    return new Invalid("cursor", "is not a cursor this API returned; pass next_cursor unchanged");
  }

  private static Batch batch(ResultSet rs, StatementContext ctx) throws SQLException {
    return new Batch(
        new BatchId(Rows.uuid(rs, "id")),
        new ClientId(Rows.uuid(rs, "client_id")),
        rs.getString("name"),
        rs.getObject("day", LocalDate.class),
        rs.getString("pipeline_version"),
        rs.getLong("runs_started"),
        rs.getLong("runs_failed"),
        rs.getLong("dossiers_published"),
        Rows.instant(rs, "created_at"),
        Rows.instant(rs, "updated_at"));
  }
}
