package io.columnline.adapters.postgres.publishing;

import io.columnline.adapters.postgres.shared.Cursors;
import io.columnline.adapters.postgres.shared.JdbiSession;
import io.columnline.adapters.postgres.shared.Rows;
import io.columnline.application.publishing.port.out.Dossiers;
import io.columnline.application.shared.Cursor;
import io.columnline.application.shared.Page;
import io.columnline.application.shared.PageRequest;
import io.columnline.domain.batch.BatchId;
import io.columnline.domain.client.ClientId;
import io.columnline.domain.csv.CsvFields;
import io.columnline.domain.dossier.Company;
import io.columnline.domain.dossier.Dossier;
import io.columnline.domain.dossier.DossierId;
import io.columnline.domain.dossier.DossierSection;
import io.columnline.domain.dossier.DossierStatus;
import io.columnline.domain.dossier.ListId;
import io.columnline.domain.json.JsonDocument;
import io.columnline.domain.json.JsonText;
import io.columnline.domain.run.RunId;
import io.columnline.domain.run.StepEntry.StepRef;
import io.columnline.domain.section.SectionKey;
import jakarta.inject.Inject;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Publishes of one company wait for each other on transaction-scoped advisory locks, one per
 * identity key (domain, company id, name) taken in that order, so no two can deadlock. Dossier
 * rows are locked FOR NO KEY UPDATE, which rows referencing them (sections, list memberships,
 * contacts) do not wait for, as a status change never touches the key.
 */
final class JdbiDossiers implements Dossiers {
    static final String COLUMNS = "d.id, d.client_id, d.run_id, d.batch_id, d.company_name, d.company_domain,"
            + " d.company_id, d.pipeline_version, d.status, d.release_date, d.release_at, d.released_at,"
            + " d.supersedes_dossier_id, d.superseded_by_dossier_id, d.published_with, d.created_at, d.updated_at,"
            + " d.external_id";

    /** The filters of {@link Query}, over {@code dossiers d}; bind them with {@link #bindQuery}. */
    static final String WHERE = " WHERE (CAST(:client AS uuid) IS NULL OR d.client_id = CAST(:client AS uuid))"
            + " AND (CAST(:batch AS uuid) IS NULL OR d.batch_id = CAST(:batch AS uuid))"
            + " AND (CAST(:list AS uuid) IS NULL OR EXISTS (SELECT 1 FROM dossier_list_members m"
            + "      WHERE m.list_id = CAST(:list AS uuid) AND m.dossier_id = d.id))"
            + " AND (CAST(:status AS text) IS NULL OR d.status = CAST(:status AS text))"
            + " AND (CAST(:domain AS text) IS NULL OR d.company_domain = CAST(:domain AS text))"
            + " AND (CAST(:version AS text) IS NULL OR d.pipeline_version = CAST(:version AS text))"
            + " AND (CAST(:since AS timestamptz) IS NULL OR d.updated_at >= CAST(:since AS timestamptz))"
            + " AND (NOT :releasedOnly OR d.released_at IS NOT NULL)";

    private final JdbiSession session;

    @Inject
    JdbiDossiers(JdbiSession session) {
        this.session = session;
    }

    /** The INSERT of a dossier row; bind it with {@link #bindInsert}. */
    static final String INSERT = """
            INSERT INTO dossiers (id, client_id, run_id, batch_id, company_name, company_name_key, company_domain,
                                  company_id, pipeline_version, status, release_date, release_at, released_at,
                                  supersedes_dossier_id, superseded_by_dossier_id, published_with, created_at,
                                  updated_at, sections, export_columns, export_cells, external_id)
            VALUES (:id, :client, :run, :batch, :name, :nameKey, :domain, :companyId, :version, :status, :releaseDate,
                    :releaseAt, :releasedAt, CAST(:supersedes AS uuid), CAST(:supersededBy AS uuid), :publishedWith,
                    :created, :updated, CAST(:sections AS json), :columns, :cells, :externalId)
            """;

    @Override
    public void insert(Dossier d, List<DossierSection> sections) {
        session.useHandle(h -> bindInsert(h.createUpdate(INSERT), d, sections).execute());
    }

    /**
     * Binds {@link #INSERT}: the dossier, its sections in section order, and the export's cells
     * flattened from them with their shape (see migration V8).
     */
    static <S extends org.jdbi.v3.core.statement.SqlStatement<S>> S bindInsert(
            S statement, Dossier d, List<DossierSection> sections) {
        List<DossierSection> ordered = sections.stream()
                .sorted(Comparator.comparingInt(DossierSection::position)
                        .thenComparing(section -> section.key().value()))
                .toList();
        var columns = new StringBuilder("[");
        var cells = new StringBuilder();
        for (DossierSection section : ordered) {
            String position = Integer.toString(section.position());
            for (DossierSection.Cell cell : section.cells()) {
                if (columns.length() > 1) {
                    columns.append(',');
                    cells.append(',');
                }
                JsonText.quote(columns, position).append(',');
                JsonText.quote(columns, section.key().value()).append(',');
                JsonText.quote(columns, cell.field().orElse(null));
                CsvFields.append(cells, cell.value());
            }
        }
        return statement
                .bind("id", d.id().value())
                .bind("client", d.client().value())
                .bind("run", d.run().value())
                .bind("batch", d.batch().value())
                .bind("name", d.company().name())
                .bind("nameKey", d.company().nameKey())
                .bind("domain", d.company().domain())
                .bind("companyId", d.company().companyId().orElse(null))
                .bind("version", d.pipelineVersion())
                .bind("status", d.status().wire())
                .bind("releaseDate", d.releaseDate().orElse(null))
                .bind("releaseAt", Rows.offset(d.releaseAt().orElse(null)))
                .bind("releasedAt", Rows.offset(d.releasedAt().orElse(null)))
                .bind("supersedes", d.supersedes().map(DossierId::value).orElse(null))
                .bind("supersededBy", d.supersededBy().map(DossierId::value).orElse(null))
                .bind("publishedWith", d.publishedWith())
                .bind("created", Rows.offset(d.createdAt()))
                .bind("updated", Rows.offset(d.updatedAt()))
                .bind("sections", sectionsJson(ordered))
                .bind("columns", columns.append(']').toString())
                .bind("cells", cells.toString())
                .bind("externalId", d.externalId().orElse(null));
    }

    /** The sections as the JSON array the dossier row keeps; each content is the writer's text as is. */
    private static String sectionsJson(List<DossierSection> sections) {
        var json = new StringBuilder(sections.stream()
                        .mapToInt(s -> s.content().text().length() + 120)
                        .sum()
                + 2);
        json.append('[');
        for (DossierSection section : sections) {
            if (json.length() > 1) {
                json.append(',');
            }
            json.append("{\"key\":");
            JsonText.quote(json, section.key().value()).append(",\"title\":");
            JsonText.quote(json, section.title())
                    .append(",\"position\":")
                    .append(section.position())
                    .append(",\"step_key\":");
            JsonText.quote(json, section.writtenBy().stepKey())
                    .append(",\"step_attempt\":")
                    .append(section.writtenBy().attempt())
                    .append(",\"content\":")
                    .append(section.content().text())
                    .append('}');
        }
        return json.append(']').toString();
    }

    @Override
    public void update(Dossier d) {
        session.useHandle(h -> h.createUpdate(
                        "UPDATE dossiers SET status = :status, released_at = :releasedAt,"
                                + " superseded_by_dossier_id = CAST(:supersededBy AS uuid), updated_at = :updated WHERE id = :id")
                .bind("id", d.id().value())
                .bind("status", d.status().wire())
                .bind("releasedAt", Rows.offset(d.releasedAt().orElse(null)))
                .bind("supersededBy", d.supersededBy().map(DossierId::value).orElse(null))
                .bind("updated", Rows.offset(d.updatedAt()))
                .execute());
    }

    @Override
    public Optional<Dossier> byId(DossierId id) {
        return one("d.id = :id", id.value(), "");
    }

    @Override
    public Optional<Dossier> lock(DossierId id) {
        return one("d.id = :id", id.value(), " FOR NO KEY UPDATE");
    }

    @Override
    public Optional<Dossier> byRun(RunId run) {
        return one("d.run_id = :id", run.value(), "");
    }

    private Optional<Dossier> one(String where, UUID id, String lock) {
        return session.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM dossiers d WHERE " + where + lock)
                .bind("id", id)
                .map(JdbiDossiers::dossier)
                .findOne());
    }

    @Override
    public List<DossierSection> sections(DossierId id) {
        return session.withHandle(h -> h.createQuery(
                        "SELECT s.key, s.title, s.position, s.content::text AS content, s.step_key, s.step_attempt"
                                + " FROM dossiers d CROSS JOIN LATERAL json_to_recordset(d.sections)"
                                + "      AS s(key text, title text, position integer, content json, step_key text,"
                                + "           step_attempt integer)"
                                + " WHERE d.id = :id ORDER BY s.position, s.key COLLATE \"C\"")
                .bind("id", id.value())
                .map((rs, ctx) -> new DossierSection(
                        new SectionKey(rs.getString("key")),
                        rs.getString("title"),
                        rs.getInt("position"),
                        new JsonDocument(rs.getString("content")),
                        new StepRef(rs.getString("step_key"), rs.getInt("step_attempt"))))
                .list());
    }

    @Override
    public void lockCompany(ClientId client, Company company) {
        // in this order (domain, company id, name) in every publish, so two never wait for each other
        session.useHandle(h -> h.createQuery("""
                SELECT pg_advisory_xact_lock(hashtextextended(k, 0))
                FROM (VALUES (1, CAST(:domain AS text)), (2, CAST(:companyId AS text)), (3, CAST(:name AS text))) v (n, k)
                WHERE k IS NOT NULL ORDER BY n
                """)
                .bind("domain", company.domain().isEmpty() ? null : "dossier-domain:" + client + ":" + company.domain())
                .bind(
                        "companyId",
                        company.companyId()
                                .map(id -> "dossier-company-id:" + client + ":" + id)
                                .orElse(null))
                .bind("name", "dossier-name:" + client + ":" + company.nameKey())
                .map((rs, ctx) -> rs.getString(1))
                .list());
    }

    /**
     * The newest live dossier with the same domain, else with the same company id, else with the
     * same name: one statement. Each rule reads its own partial index for the newest match, so the
     * lookup costs the same however many dossiers the client has. (One condition "domain OR id OR
     * name" planned once for every publish read all the client's live dossiers.) The row is found
     * first and locked after, as FOR UPDATE cannot lock through a UNION.
     */
    static final String NEWEST_LIVE = "SELECT " + COLUMNS + """
             FROM dossiers d
            WHERE d.id = (SELECT m.id FROM (
                     (SELECT 1 AS rule, l.created_at, l.id FROM dossiers l
                       WHERE l.client_id = :client AND l.company_domain = :domain AND l.status <> 'superseded'
                       ORDER BY l.created_at DESC, l.id DESC LIMIT 1)
                     UNION ALL
                     (SELECT 2, l.created_at, l.id FROM dossiers l
                       WHERE l.client_id = :client AND l.company_id = :companyId AND l.status <> 'superseded'
                       ORDER BY l.created_at DESC, l.id DESC LIMIT 1)
                     UNION ALL
                     (SELECT 3, l.created_at, l.id FROM dossiers l
                       WHERE l.client_id = :client AND l.company_name_key = :name AND l.status <> 'superseded'
                       ORDER BY l.created_at DESC, l.id DESC LIMIT 1)
                  ) m ORDER BY m.rule, m.created_at DESC, m.id DESC LIMIT 1)
              AND d.status <> 'superseded'
            FOR NO KEY UPDATE
            """;

    @Override
    public Optional<Dossier> lockNewestLive(ClientId client, Company company) {
        return session.withHandle(h -> h.createQuery(NEWEST_LIVE)
                .bind("client", client.value())
                .bind("domain", company.domain().isEmpty() ? null : company.domain())
                .bind("companyId", company.companyId().orElse(null))
                .bind("name", company.nameKey())
                .map(JdbiDossiers::dossier)
                .findOne());
    }

    @Override
    public Page<Dossier> list(Query query, PageRequest page) {
        Instant afterTime = Cursors.instant(page, 0);
        UUID afterId = Cursors.uuid(page, 1);
        List<Dossier> rows = session.withHandle(h -> bindQuery(
                        h.createQuery("SELECT " + COLUMNS + " FROM dossiers d" + WHERE
                                + " AND (CAST(:afterTime AS timestamptz) IS NULL"
                                + "      OR (d.created_at, d.id) < (CAST(:afterTime AS timestamptz), CAST(:afterId AS uuid)))"
                                + " ORDER BY d.created_at DESC, d.id DESC LIMIT :limit"),
                        query)
                .bind("afterTime", Rows.offset(afterTime))
                .bind("afterId", afterId)
                .bind("limit", page.limit() + 1)
                .map(JdbiDossiers::dossier)
                .list());
        return Page.fromLookahead(
                rows, page.limit(), d -> Cursor.of(d.createdAt().toString(), d.id().toString()));
    }

    static <S extends org.jdbi.v3.core.statement.SqlStatement<S>> S bindQuery(S statement, Query query) {
        return statement
                .bind("client", query.client().map(ClientId::value).orElse(null))
                .bind("batch", query.batch().map(BatchId::value).orElse(null))
                .bind("list", query.list().map(ListId::value).orElse(null))
                .bind("status", query.status().map(DossierStatus::wire).orElse(null))
                .bind("domain", query.companyDomain().orElse(null))
                .bind("version", query.pipelineVersion().orElse(null))
                .bind("since", Rows.offset(query.updatedSince().orElse(null)))
                .bind("releasedOnly", query.releasedOnly());
    }

    @Override
    public List<Dossier> claimDueForRelease(Instant now, int limit) {
        return session.withHandle(h -> h.createQuery(
                        "SELECT " + COLUMNS + " FROM dossiers d WHERE d.status = 'scheduled' AND d.release_at <= :now"
                                + " ORDER BY d.release_at LIMIT :limit FOR NO KEY UPDATE SKIP LOCKED")
                .bind("now", Rows.offset(now))
                .bind("limit", limit)
                .map(JdbiDossiers::dossier)
                .list());
    }

    static Dossier dossier(ResultSet rs, StatementContext ctx) throws SQLException {
        return new Dossier(
                new DossierId(Rows.uuid(rs, "id")),
                new ClientId(Rows.uuid(rs, "client_id")),
                new RunId(Rows.uuid(rs, "run_id")),
                new BatchId(Rows.uuid(rs, "batch_id")),
                new Company(
                        rs.getString("company_name"),
                        rs.getString("company_domain"),
                        Rows.optionalString(rs, "company_id")),
                rs.getString("pipeline_version"),
                DossierStatus.parse("status", rs.getString("status")),
                Optional.ofNullable(rs.getObject("release_date", LocalDate.class)),
                Rows.optionalInstant(rs, "release_at"),
                Rows.optionalInstant(rs, "released_at"),
                Rows.optionalUuid(rs, "supersedes_dossier_id").map(DossierId::new),
                Rows.optionalUuid(rs, "superseded_by_dossier_id").map(DossierId::new),
                rs.getString("published_with"),
                Rows.instant(rs, "created_at"),
                Rows.instant(rs, "updated_at"),
                Rows.optionalString(rs, "external_id"));
    }
}
