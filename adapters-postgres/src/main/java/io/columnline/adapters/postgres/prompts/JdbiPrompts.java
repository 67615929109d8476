package io.columnline.adapters.postgres.prompts;

import io.columnline.adapters.postgres.shared.Cursors;
import io.columnline.adapters.postgres.shared.JdbiSession;
import io.columnline.adapters.postgres.shared.Rows;
import io.columnline.application.prompts.port.out.Prompts;
import io.columnline.application.shared.Cursor;
import io.columnline.application.shared.Page;
import io.columnline.application.shared.PageRequest;
import io.columnline.domain.json.JsonDocument;
import io.columnline.domain.prompt.Prompt;
import io.columnline.domain.prompt.PromptContent;
import io.columnline.domain.prompt.PromptKey;
import io.columnline.domain.prompt.PromptLabel;
import io.columnline.domain.prompt.PromptTemplate;
import io.columnline.domain.prompt.PromptVersion;
import jakarta.inject.Inject;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.statement.StatementContext;

final class JdbiPrompts implements Prompts {
    /** A prompt with its newest version and its labels as two parallel arrays, in one row. */
    private static final String PROMPT = """
      SELECT p.key, p.created_at,
             (SELECT max(v.version) FROM prompt_versions v WHERE v.prompt_key = p.key) AS latest_version,
             ARRAY(SELECT l.label FROM prompt_labels l WHERE l.prompt_key = p.key ORDER BY l.label) AS label_names,
             ARRAY(SELECT l.version FROM prompt_labels l WHERE l.prompt_key = p.key ORDER BY l.label) AS label_versions
      FROM prompts p
      """;

    private static final String VERSION =
            "SELECT prompt_key, version, template, model, model_params::text AS model_params, created_at FROM prompt_versions";

    private final JdbiSession session;

    @Inject
    JdbiPrompts(JdbiSession session) {
        this.session = session;
    }

    @Override
    public Optional<Prompt> byKey(PromptKey key) {
        return session.withHandle(h -> h.createQuery(PROMPT + " WHERE p.key = :key")
                .bind("key", key.value())
                .map(JdbiPrompts::prompt)
                .findOne());
    }

    @Override
    public Optional<Integer> latestVersion(PromptKey key) {
        return session.withHandle(h -> h.createQuery("SELECT max(version) FROM prompt_versions WHERE prompt_key = :key")
                .bind("key", key.value())
                .mapTo(Integer.class)
                .findOne());
    }

    @Override
    public Page<Prompt> list(PageRequest page) {
        List<Prompt> rows = session.withHandle(h -> h.createQuery(
                        PROMPT + " WHERE (CAST(:after AS text) IS NULL OR p.key > :after) ORDER BY p.key LIMIT :limit")
                .bind("after", Cursors.text(page, 0))
                .bind("limit", page.limit() + 1)
                .map(JdbiPrompts::prompt)
                .list());
        return Page.fromLookahead(rows, page.limit(), p -> Cursor.of(p.key().value()));
    }

    @Override
    public void addVersion(PromptVersion version) {
        session.useHandle(h -> {
            if (version.version() == 1) {
                h.createUpdate("INSERT INTO prompts (key, created_at) VALUES (:key, :created)")
                        .bind("key", version.key().value())
                        .bind("created", Rows.offset(version.createdAt()))
                        .execute();
            }
            h.createUpdate("""
                  INSERT INTO prompt_versions (prompt_key, version, template, model, model_params, created_at)
                  VALUES (:key, :version, :template, :model, CAST(:params AS json), :created)
                  """)
                    .bind("key", version.key().value())
                    .bind("version", version.version())
                    .bind("template", version.content().template().text())
                    .bind("model", version.content().model().orElse(null))
                    .bind("params", version.content().modelParams().text())
                    .bind("created", Rows.offset(version.createdAt()))
                    .execute();
        });
    }

    @Override
    public void setLabel(PromptKey key, PromptLabel label, int version) {
        session.useHandle(h -> h.createUpdate("""
                INSERT INTO prompt_labels (prompt_key, label, version) VALUES (:key, :label, :version)
                ON CONFLICT (prompt_key, label) DO UPDATE SET version = EXCLUDED.version
                """)
                .bind("key", key.value())
                .bind("label", label.value())
                .bind("version", version)
                .execute());
    }

    @Override
    public Optional<PromptVersion> version(PromptKey key, int version) {
        return session.withHandle(h -> h.createQuery(VERSION + " WHERE prompt_key = :key AND version = :version")
                .bind("key", key.value())
                .bind("version", version)
                .map(JdbiPrompts::versionRow)
                .findOne());
    }

    @Override
    public Page<PromptVersion> versions(PromptKey key, PageRequest page) {
        Integer before = Cursors.integer(page, 0);
        List<PromptVersion> rows = session.withHandle(h -> h.createQuery(
                        VERSION + " WHERE prompt_key = :key AND (CAST(:before AS integer) IS NULL OR version < :before)"
                                + " ORDER BY version DESC LIMIT :limit")
                .bind("key", key.value())
                .bind("before", before)
                .bind("limit", page.limit() + 1)
                .map(JdbiPrompts::versionRow)
                .list());
        return Page.fromLookahead(rows, page.limit(), v -> Cursor.of(Integer.toString(v.version())));
    }

    private static Prompt prompt(ResultSet rs, StatementContext ctx) throws SQLException {
        String[] names = strings(rs.getArray("label_names"));
        Integer[] versions = integers(rs.getArray("label_versions"));
        Map<PromptLabel, Integer> labels = new HashMap<>();
        for (int i = 0; i < names.length; i++) {
            labels.put(new PromptLabel(names[i]), versions[i]);
        }
        return new Prompt(
                new PromptKey(rs.getString("key")),
                rs.getInt("latest_version"),
                labels,
                Rows.instant(rs, "created_at"));
    }

    private static PromptVersion versionRow(ResultSet rs, StatementContext ctx) throws SQLException {
        var content = new PromptContent(
                new PromptTemplate(rs.getString("template")),
                Rows.optionalString(rs, "model"),
                new JsonDocument(rs.getString("model_params")));
        return new PromptVersion(
                new PromptKey(rs.getString("prompt_key")),
                rs.getInt("version"),
                content,
                Rows.instant(rs, "created_at"));
    }

    private static String[] strings(Array array) throws SQLException {
        return (String[]) array.getArray();
    }

    private static Integer[] integers(Array array) throws SQLException {
        return (Integer[]) array.getArray();
    }
}
