package io.columnline.adapters.postgres.knowledge;

import io.columnline.adapters.postgres.shared.JdbiSession;
import io.columnline.adapters.postgres.shared.Rows;
import io.columnline.application.knowledge.port.out.Insights;
import io.columnline.application.shared.Cursor;
import io.columnline.application.shared.Page;
import io.columnline.application.shared.PageRequest;
import io.columnline.domain.client.ClientId;
import io.columnline.domain.error.Invalid;
import io.columnline.domain.knowledge.Insight;
import io.columnline.domain.knowledge.SourceId;
import io.columnline.domain.run.RunId;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.SqlStatement;
import org.jdbi.v3.core.statement.StatementContext;

@Singleton
final class JdbiInsights implements Insights {
    private static final String SELECT = "SELECT id, client_id, type, title, title_key, content, confidence, tags,"
            + " source_id, run_id, company_domain, version, created_at, updated_at FROM insights";

    private final JdbiSession session;

    @Inject
    JdbiInsights(JdbiSession session) {
        this.session = session;
    }

    @Override
    public void save(Insight i) {
        session.useHandle(h -> {
            String sql = i.version() == 1 ? """
                    INSERT INTO insights (id, client_id, type, title, title_key, content, confidence, tags, source_id,
                      run_id, company_domain, version, created_at, updated_at)
                    VALUES (:id, :client, :type, :title, :key, :content, :confidence, :tags, CAST(:source AS uuid),
                      CAST(:run AS uuid), CAST(:domain AS text), :version, :created, :updated)
                    """ : """
                    UPDATE insights SET title = :title, content = :content, confidence = :confidence, tags = :tags,
                      source_id = CAST(:source AS uuid), run_id = CAST(:run AS uuid), company_domain = CAST(:domain AS text),
                      version = :version, updated_at = :updated, created_at = :created
                    WHERE id = :id AND client_id = :client AND type = :type AND title_key = :key
                    """;
            bind(h.createUpdate(sql), i)
                    .bind("created", Rows.offset(i.createdAt()))
                    .execute();
            bind(h.createUpdate("""
                                    INSERT INTO insight_versions (insight_id, version, title, content, confidence, tags,
                                      source_id, run_id, company_domain, recorded_at)
                                    VALUES (:id, :version, :title, :content, :confidence, :tags, CAST(:source AS uuid),
                                      CAST(:run AS uuid), CAST(:domain AS text), :updated)
                                    """), i).execute();
        });
    }

    private static <S extends SqlStatement<S>> S bindVersion(S statement, Insight i) {
        return statement
                .bind("id", i.id())
                .bind("title", i.title())
                .bind("content", i.content())
                .bind("confidence", i.confidence())
                .bindArray("tags", String.class, i.tags().toArray())
                .bind("source", i.source().map(SourceId::value).orElse(null))
                .bind("run", i.run().map(RunId::value).orElse(null))
                .bind("domain", i.companyDomain().orElse(null))
                .bind("version", i.version())
                .bind("updated", Rows.offset(i.updatedAt()));
    }

    private static <S extends SqlStatement<S>> S bind(S statement, Insight i) {
        return statement
                .bind("id", i.id())
                .bind("client", i.client().value())
                .bind("type", i.type())
                .bind("title", i.title())
                .bind("key", i.titleKey())
                .bind("content", i.content())
                .bind("confidence", i.confidence())
                .bindArray("tags", String.class, i.tags().toArray())
                .bind("source", i.source().map(SourceId::value).orElse(null))
                .bind("run", i.run().map(RunId::value).orElse(null))
                .bind("domain", i.companyDomain().orElse(null))
                .bind("version", i.version())
                .bind("updated", Rows.offset(i.updatedAt()));
    }

    @Override
    public Optional<Insight> byId(UUID id) {
        return session.withHandle(h -> h.createQuery(SELECT + " WHERE id = :id")
                .bind("id", id)
                .map(JdbiInsights::insight)
                .findOne());
    }

    @Override
    public Optional<Insight> byKeyForUpdate(ClientId client, String type, String titleKey) {
        return session.withHandle(h -> h.createQuery(
                        SELECT + " WHERE client_id = :client AND type = :type AND title_key = :key FOR UPDATE")
                .bind("client", client.value())
                .bind("type", type)
                .bind("key", titleKey)
                .map(JdbiInsights::insight)
                .findOne());
    }

    @Override
    public List<Insight.Version> history(UUID id) {
        return session.withHandle(h -> h.createQuery("SELECT version, title, content, confidence, tags, source_id,"
                        + " run_id, company_domain, recorded_at FROM insight_versions WHERE insight_id = :id"
                        + " ORDER BY version")
                .bind("id", id)
                .map((rs, ctx) -> new Insight.Version(
                        rs.getInt("version"),
                        rs.getString("title"),
                        rs.getString("content"),
                        rs.getDouble("confidence"),
                        tags(rs),
                        Rows.optionalUuid(rs, "source_id").map(SourceId::new),
                        Rows.optionalUuid(rs, "run_id").map(RunId::new),
                        Rows.optionalString(rs, "company_domain"),
                        Rows.instant(rs, "recorded_at")))
                .list());
    }

    @Override
    public Page<Insight> list(Filter f, PageRequest page) {
        Instant afterAt = null;
        UUID afterId = null;
        if (page.cursor().isPresent()) {
            try {
                afterAt = Instant.parse(page.cursor().get().value(0));
                afterId = UUID.fromString(page.cursor().get().value(1));
            } catch (RuntimeException e) {
                throw new Invalid("cursor", "is not a cursor this API returned; pass next_cursor unchanged");
            }
        }
        Instant at = afterAt;
        UUID id = afterId;
        List<Insight> rows = session.withHandle(h -> h.createQuery(SELECT + """
                         WHERE (CAST(:client AS uuid) IS NULL OR client_id = CAST(:client AS uuid))
                           AND (CAST(:type AS text) IS NULL OR type = CAST(:type AS text))
                           AND (CAST(:tag AS text) IS NULL OR tags @> ARRAY[CAST(:tag AS text)])
                           AND (CAST(:min AS double precision) IS NULL OR confidence >= CAST(:min AS double precision))
                           AND (CAST(:source AS uuid) IS NULL OR source_id = CAST(:source AS uuid))
                           AND (CAST(:run AS uuid) IS NULL OR run_id = CAST(:run AS uuid))
                           AND (CAST(:domain AS text) IS NULL OR company_domain = CAST(:domain AS text))
                           AND (CAST(:since AS timestamptz) IS NULL OR updated_at >= CAST(:since AS timestamptz))
                           AND (CAST(:afterAt AS timestamptz) IS NULL
                                OR (created_at, id) > (CAST(:afterAt AS timestamptz), CAST(:afterId AS uuid)))
                         ORDER BY created_at, id LIMIT :limit
                        """)
                .bind("client", f.client().map(ClientId::value).orElse(null))
                .bind("type", f.type().orElse(null))
                .bind("tag", f.tag().orElse(null))
                .bind("min", f.minConfidence().orElse(null))
                .bind("source", f.source().map(SourceId::value).orElse(null))
                .bind("run", f.run().map(RunId::value).orElse(null))
                .bind("domain", f.companyDomain().orElse(null))
                .bind("since", Rows.offset(f.since().orElse(null)))
                .bind("afterAt", Rows.offset(at))
                .bind("afterId", id)
                .bind("limit", page.limit() + 1)
                .map(JdbiInsights::insight)
                .list());
        return Page.fromLookahead(
                rows, page.limit(), i -> Cursor.of(i.createdAt().toString(), i.id().toString()));
    }

    @Override
    public boolean delete(UUID id) {
        return session.withHandle((Handle h) -> h.createUpdate("DELETE FROM insights WHERE id = :id")
                        .bind("id", id)
                        .execute())
                > 0;
    }

    private static List<String> tags(ResultSet rs) throws SQLException {
        Object[] values = (Object[]) rs.getArray("tags").getArray();
        return Arrays.stream(values).map(String::valueOf).toList();
    }

    private static Insight insight(ResultSet rs, StatementContext ctx) throws SQLException {
        return new Insight(
                Rows.uuid(rs, "id"),
                new ClientId(Rows.uuid(rs, "client_id")),
                rs.getString("type"),
                rs.getString("title"),
                rs.getString("title_key"),
                rs.getString("content"),
                rs.getDouble("confidence"),
                tags(rs),
                Rows.optionalUuid(rs, "source_id").map(SourceId::new),
                Rows.optionalUuid(rs, "run_id").map(RunId::new),
                Rows.optionalString(rs, "company_domain"),
                rs.getInt("version"),
                Rows.instant(rs, "created_at"),
                Rows.instant(rs, "updated_at"));
    }
}
