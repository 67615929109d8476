package io.columnline.adapters.postgres.tracking;

import io.columnline.adapters.postgres.shared.Cursors;
import io.columnline.adapters.postgres.shared.JdbiSession;
import io.columnline.adapters.postgres.shared.Rows;
import io.columnline.adapters.postgres.shared.RunRows;
import io.columnline.application.shared.Cursor;
import io.columnline.application.shared.Page;
import io.columnline.application.shared.PageRequest;
import io.columnline.application.tracking.port.out.Runs;
import io.columnline.domain.client.ClientId;
import io.columnline.domain.json.JsonDocument;
import io.columnline.domain.run.Run;
import io.columnline.domain.run.RunId;
import io.columnline.domain.run.RunStatus;
import jakarta.inject.Inject;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.statement.StatementContext;

final class JdbiRuns implements Runs {
    private static final String COLUMNS = RunRows.columns("", "");

    private final JdbiSession session;

    @Inject
    JdbiRuns(JdbiSession session) {
        this.session = session;
    }

    @Override
    public void insert(Run run) {
        session.useHandle(h -> h.createUpdate("""
                INSERT INTO runs (id, client_id, seed, company_name, company_domain, company_id, pipeline_version,
                                  external_id, status, error, started_at, finished_at, pipeline_key,
                                  pipeline_def_version, triggered_by, input_data, output_data)
                VALUES (:id, :client, CAST(:seed AS json), :name, :domain, :companyId, :version,
                        :external, :status, :error, :started, :finished, :pipelineKey,
                        :pipelineVersion, :triggeredBy, CAST(:inputData AS json), CAST(:outputData AS json))
                """)
                .bind("pipelineKey", run.pipeline().map(p -> p.key().value()).orElse(null))
                .bind("pipelineVersion", run.pipeline().map(p -> p.version()).orElse(null))
                .bind("triggeredBy", run.launch().triggeredBy().orElse(null))
                .bind(
                        "inputData",
                        run.launch().inputData().map(JsonDocument::text).orElse(null))
                .bind("outputData", run.outputData().map(JsonDocument::text).orElse(null))
                .bind("id", run.id().value())
                .bind("client", run.client().value())
                .bind("seed", run.seed().document().text())
                .bind("name", run.seed().companyName())
                .bind("domain", run.seed().domain())
                .bind("companyId", run.seed().companyId().orElse(null))
                .bind("version", run.pipelineVersion())
                .bind("external", run.externalId().orElse(null))
                .bind("status", run.status().wire())
                .bind("error", run.error().orElse(null))
                .bind("started", Rows.offset(run.startedAt()))
                .bind("finished", Rows.offset(run.finishedAt().orElse(null)))
                .execute());
    }

    @Override
    public void update(Run run) {
        session.useHandle(h -> h.createUpdate(
                        "UPDATE runs SET status = :status, error = :error, finished_at = :finished,"
                                + " seed = CAST(:seed AS json), company_name = :name, company_domain = :domain,"
                                + " company_id = :companyId, output_data = CAST(:outputData AS json) WHERE id = :id")
                .bind("id", run.id().value())
                .bind("seed", run.seed().document().text())
                .bind("name", run.seed().companyName())
                .bind("domain", run.seed().domain())
                .bind("companyId", run.seed().companyId().orElse(null))
                .bind("outputData", run.outputData().map(JsonDocument::text).orElse(null))
                .bind("status", run.status().wire())
                .bind("error", run.error().orElse(null))
                .bind("finished", Rows.offset(run.finishedAt().orElse(null)))
                .execute());
    }

    @Override
    public Optional<Run> byId(RunId id) {
        return one(id, "");
    }

    @Override
    public Optional<Run> lock(RunId id) {
        return one(id, " FOR UPDATE");
    }

    @Override
    public Optional<Run> lockShared(RunId id) {
        return one(id, " FOR SHARE");
    }

    private Optional<Run> one(RunId id, String lock) {
        return session.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM runs WHERE id = :id" + lock)
                .bind("id", id.value())
                .map(JdbiRuns::run)
                .findOne());
    }

    @Override
    public Optional<Run> byExternalId(ClientId client, String externalId) {
        return session.withHandle(h -> h.createQuery(
                        "SELECT " + COLUMNS + " FROM runs WHERE client_id = :client AND external_id = :external")
                .bind("client", client.value())
                .bind("external", externalId)
                .map(JdbiRuns::run)
                .findOne());
    }

    @Override
    public List<Run> byExternalIdOfAnyClient(String externalId) {
        return session.withHandle(
                h -> h.createQuery("SELECT " + COLUMNS + " FROM runs WHERE external_id = :external LIMIT 2")
                        .bind("external", externalId)
                        .map(JdbiRuns::run)
                        .list());
    }

    @Override
    public Page<Run> list(Query query, PageRequest page) {
        Instant afterTime = Cursors.instant(page, 0);
        UUID afterId = Cursors.uuid(page, 1);
        List<Run> rows = session.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM runs"
                        + " WHERE (CAST(:client AS uuid) IS NULL OR client_id = CAST(:client AS uuid))"
                        + " AND (CAST(:status AS text) IS NULL OR status = CAST(:status AS text))"
                        + " AND (CAST(:external AS text) IS NULL OR external_id = CAST(:external AS text))"
                        + " AND (CAST(:since AS timestamptz) IS NULL OR started_at >= CAST(:since AS timestamptz))"
                        + " AND (CAST(:until AS timestamptz) IS NULL OR started_at < CAST(:until AS timestamptz))"
                        + " AND (CAST(:version AS text) IS NULL OR pipeline_version = CAST(:version AS text))"
                        + " AND (CAST(:company AS text) IS NULL"
                        + "      OR strpos(lower(company_name), lower(CAST(:company AS text))) > 0"
                        + "      OR strpos(lower(company_domain), lower(CAST(:company AS text))) > 0)"
                        + " AND (CAST(:afterTime AS timestamptz) IS NULL"
                        + "      OR (started_at, id) < (CAST(:afterTime AS timestamptz), CAST(:afterId AS uuid)))"
                        + " ORDER BY started_at DESC, id DESC LIMIT :limit")
                .bind("client", query.client().map(ClientId::value).orElse(null))
                .bind("status", query.status().map(RunStatus::wire).orElse(null))
                .bind("external", query.externalId().orElse(null))
                .bind("since", Rows.offset(query.since().orElse(null)))
                .bind("until", Rows.offset(query.until().orElse(null)))
                .bind("version", query.pipelineVersion().orElse(null))
                .bind("company", query.company().orElse(null))
                .bind("afterTime", Rows.offset(afterTime))
                .bind("afterId", afterId)
                .bind("limit", page.limit() + 1)
                .map(JdbiRuns::run)
                .list());
        return Page.fromLookahead(
                rows, page.limit(), r -> Cursor.of(r.startedAt().toString(), r.id().toString()));
    }

    private static Run run(ResultSet rs, StatementContext ctx) throws SQLException {
        return RunRows.run(rs, "");
    }
}
