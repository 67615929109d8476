package io.columnline.adapters.postgres.tracking;

import io.columnline.adapters.postgres.shared.JdbiSession;
import io.columnline.adapters.postgres.shared.Rows;
import io.columnline.application.tracking.port.out.Stages;
import io.columnline.domain.client.ClientId;
import io.columnline.domain.json.JsonDocument;
import io.columnline.domain.run.Run;
import io.columnline.domain.run.RunId;
import io.columnline.domain.run.Stage;
import io.columnline.domain.run.StageStatus;
import jakarta.inject.Inject;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.statement.StatementContext;

final class JdbiStages implements Stages {
    private static final String COLUMNS =
            "client_id, run_id, name, status, attempts, error_summary, input_refs::text AS input_refs,"
                    + " output_refs::text AS output_refs, metrics::text AS metrics, started_at, finished_at";

    private final JdbiSession session;

    @Inject
    JdbiStages(JdbiSession session) {
        this.session = session;
    }

    @Override
    public Optional<Stage> lock(Run run, String name) {
        return session.withHandle(h -> h.createQuery("SELECT " + COLUMNS
                        + " FROM stages WHERE client_id = :client AND run_id = :run AND name = :name" + " FOR UPDATE")
                .bind("client", run.client().value())
                .bind("run", run.id().value())
                .bind("name", name)
                .map(JdbiStages::stage)
                .findOne());
    }

    @Override
    public void save(Stage stage) {
        session.useHandle(h -> h.createUpdate("""
                INSERT INTO stages (client_id, run_id, name, status, attempts, error_summary, input_refs, output_refs,
                                    metrics, started_at, finished_at)
                VALUES (:client, :run, :name, :status, :attempts, :error, CAST(:inputRefs AS json),
                        CAST(:outputRefs AS json), CAST(:metrics AS json), :started, :finished)
                ON CONFLICT (client_id, run_id, name) DO UPDATE SET
                  status = EXCLUDED.status, attempts = EXCLUDED.attempts, error_summary = EXCLUDED.error_summary,
                  input_refs = EXCLUDED.input_refs, output_refs = EXCLUDED.output_refs, metrics = EXCLUDED.metrics,
                  started_at = EXCLUDED.started_at, finished_at = EXCLUDED.finished_at
                """)
                .bind("client", stage.client().value())
                .bind("run", stage.run().value())
                .bind("name", stage.name())
                .bind("status", stage.status().wire())
                .bind("attempts", stage.attempts())
                .bind("error", stage.errorSummary().orElse(null))
                .bind("inputRefs", text(stage.inputRefs()))
                .bind("outputRefs", text(stage.outputRefs()))
                .bind("metrics", text(stage.metrics()))
                .bind("started", Rows.offset(stage.startedAt()))
                .bind("finished", Rows.offset(stage.finishedAt().orElse(null)))
                .execute());
    }

    @Override
    public List<Stage> ofRun(Run run) {
        return session.withHandle(h -> h.createQuery("SELECT " + COLUMNS
                        + " FROM stages WHERE client_id = :client AND run_id = :run" + " ORDER BY started_at, name")
                .bind("client", run.client().value())
                .bind("run", run.id().value())
                .map(JdbiStages::stage)
                .list());
    }

    private static String text(Optional<JsonDocument> document) {
        return document.map(JsonDocument::text).orElse(null);
    }

    private static Optional<JsonDocument> json(ResultSet rs, String column) throws SQLException {
        return Rows.optionalString(rs, column).map(JsonDocument::new);
    }

    private static Stage stage(ResultSet rs, StatementContext ctx) throws SQLException {
        return new Stage(
                new RunId(Rows.uuid(rs, "run_id")),
                new ClientId(Rows.uuid(rs, "client_id")),
                rs.getString("name"),
                StageStatus.parse("status", rs.getString("status")),
                rs.getInt("attempts"),
                Rows.optionalString(rs, "error_summary"),
                json(rs, "input_refs"),
                json(rs, "output_refs"),
                json(rs, "metrics"),
                Rows.instant(rs, "started_at"),
                Rows.optionalInstant(rs, "finished_at"));
    }
}
