package io.columnline.adapters.postgres.prompts;

import io.columnline.adapters.postgres.shared.JdbiSession;
import io.columnline.adapters.postgres.shared.Rows;
import io.columnline.application.prompts.port.out.Pipelines;
import io.columnline.application.shared.Cursor;
import io.columnline.application.shared.Page;
import io.columnline.application.shared.PageRequest;
import io.columnline.domain.error.Invalid;
import io.columnline.domain.json.JsonDocument;
import io.columnline.domain.pipeline.Pipeline;
import io.columnline.domain.pipeline.PipelineKey;
import io.columnline.domain.pipeline.PipelineVersion;
import io.columnline.domain.prompt.PromptLabel;
import jakarta.inject.Inject;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.statement.StatementContext;

final class JdbiPipelines implements Pipelines {
    /** A pipeline with its newest version and its labels as two parallel arrays, in one row. */
    private static final String PIPELINE = """
      SELECT p.key, p.created_at,
             (SELECT max(v.version) FROM pipeline_versions v WHERE v.pipeline_key = p.key) AS latest_version,
             ARRAY(SELECT l.label FROM pipeline_labels l WHERE l.pipeline_key = p.key ORDER BY l.label) AS label_names,
             ARRAY(SELECT l.version FROM pipeline_labels l WHERE l.pipeline_key = p.key ORDER BY l.label)
               AS label_versions
      FROM pipelines p
      """;

    private static final String VERSION =
            "SELECT pipeline_key, version, definition::text AS definition, created_at FROM pipeline_versions";

    private final JdbiSession session;

    @Inject
    JdbiPipelines(JdbiSession session) {
        this.session = session;
    }

    @Override
    public Optional<Pipeline> byKey(PipelineKey key) {
        return session.withHandle(h -> h.createQuery(PIPELINE + " WHERE p.key = :key")
                .bind("key", key.value())
                .map(JdbiPipelines::pipeline)
                .findOne());
    }

    @Override
    public Page<Pipeline> list(PageRequest page) {
        List<Pipeline> rows = session.withHandle(h -> h.createQuery(PIPELINE
                        + " WHERE (CAST(:after AS text) IS NULL OR p.key > :after) ORDER BY p.key LIMIT :limit")
                .bind("after", page.cursor().map(c -> c.value(0)).orElse(null))
                .bind("limit", page.limit() + 1)
                .map(JdbiPipelines::pipeline)
                .list());
        return Page.fromLookahead(rows, page.limit(), p -> Cursor.of(p.key().value()));
    }

    @Override
    public void addVersion(PipelineVersion version) {
        session.useHandle(h -> {
            if (version.version() == 1) {
                h.createUpdate("INSERT INTO pipelines (key, created_at) VALUES (:key, :created)")
                        .bind("key", version.key().value())
                        .bind("created", Rows.offset(version.createdAt()))
                        .execute();
            }
            h.createUpdate("""
                  INSERT INTO pipeline_versions (pipeline_key, version, definition, created_at)
                  VALUES (:key, :version, CAST(:definition AS json), :created)
                  """)
                    .bind("key", version.key().value())
                    .bind("version", version.version())
                    .bind("definition", version.definition().text())
                    .bind("created", Rows.offset(version.createdAt()))
                    .execute();
        });
    }

    @Override
    public void setLabel(PipelineKey key, PromptLabel label, int version) {
        session.useHandle(h -> h.createUpdate("""
                INSERT INTO pipeline_labels (pipeline_key, label, version) VALUES (:key, :label, :version)
                ON CONFLICT (pipeline_key, label) DO UPDATE SET version = EXCLUDED.version
                """)
                .bind("key", key.value())
                .bind("label", label.value())
                .bind("version", version)
                .execute());
    }

    @Override
    public Optional<PipelineVersion> version(PipelineKey key, int version) {
        return session.withHandle(h -> h.createQuery(VERSION + " WHERE pipeline_key = :key AND version = :version")
                .bind("key", key.value())
                .bind("version", version)
                .map(JdbiPipelines::versionRow)
                .findOne());
    }

    @Override
    public Page<PipelineVersion> versions(PipelineKey key, PageRequest page) {
        Integer before = page.cursor().map(JdbiPipelines::versionCursor).orElse(null);
        List<PipelineVersion> rows = session.withHandle(h -> h.createQuery(VERSION
                        + " WHERE pipeline_key = :key AND (CAST(:before AS integer) IS NULL OR version < :before)"
                        + " ORDER BY version DESC LIMIT :limit")
                .bind("key", key.value())
                .bind("before", before)
                .bind("limit", page.limit() + 1)
                .map(JdbiPipelines::versionRow)
                .list());
        return Page.fromLookahead(rows, page.limit(), v -> Cursor.of(Integer.toString(v.version())));
    }

    private static int versionCursor(Cursor cursor) {
        try {
            return Integer.parseInt(cursor.value(0));
        } catch (NumberFormatException e) {
            throw new Invalid("cursor", "is not a cursor this API returned; pass next_cursor unchanged");
        }
    }

    private static Pipeline pipeline(ResultSet rs, StatementContext ctx) throws SQLException {
        String[] names = (String[]) rs.getArray("label_names").getArray();
        Integer[] versions = (Integer[]) rs.getArray("label_versions").getArray();
        Map<PromptLabel, Integer> labels = new HashMap<>();
        for (int i = 0; i < names.length; i++) {
            labels.put(new PromptLabel(names[i]), versions[i]);
        }
        return new Pipeline(
                new PipelineKey(rs.getString("key")),
                rs.getInt("latest_version"),
                labels,
                Rows.instant(rs, "created_at"));
    }

    private static PipelineVersion versionRow(ResultSet rs, StatementContext ctx) throws SQLException {
        return new PipelineVersion(
                new PipelineKey(rs.getString("pipeline_key")),
                rs.getInt("version"),
                new JsonDocument(rs.getString("definition")),
                Rows.instant(rs, "created_at"));
    }
}
