package io.columnline.adapters.postgres.prompts;

import io.columnline.adapters.postgres.shared.Cursors;
import io.columnline.adapters.postgres.shared.JdbiSession;
import io.columnline.adapters.postgres.shared.Rows;
import io.columnline.application.prompts.port.out.SectionDefinitions;
import io.columnline.application.shared.Cursor;
import io.columnline.application.shared.Page;
import io.columnline.application.shared.PageRequest;
import io.columnline.application.shared.Remembered;
import io.columnline.domain.json.JsonDocument;
import io.columnline.domain.prompt.PromptKey;
import io.columnline.domain.section.SectionDefinition;
import io.columnline.domain.section.SectionKey;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Every publish assembles its dossier from {@link #all()}, so the definitions are remembered: a
 * save through this process applies to the reads that start after it, and a save by another
 * process (or one still committing while a read ran) applies within {@link #FRESH_FOR}.
 */
@Singleton
final class JdbiSectionDefinitions implements SectionDefinitions {
    static final Duration FRESH_FOR = Duration.ofSeconds(10);
    private static final String ALL = "all";
    private static final String SELECT =
            "SELECT key, title, position, writer_prompt_key, required, schema::text AS schema, created_at, updated_at"
                    + " FROM section_definitions";

    private final JdbiSession session;
    private final Remembered<String, List<SectionDefinition>> remembered;

    @Inject
    JdbiSectionDefinitions(JdbiSession session, Clock clock) {
        this.session = session;
        this.remembered = new Remembered<>(FRESH_FOR, 1, clock);
    }

    @Override
    public Optional<SectionDefinition> byKey(SectionKey key) {
        return session.withHandle(h -> h.createQuery(SELECT + " WHERE key = :key")
                .bind("key", key.value())
                .map(JdbiSectionDefinitions::definition)
                .findOne());
    }

    @Override
    public void save(SectionDefinition definition) {
        remembered.forgetAll();
        session.useHandle(h -> h.createUpdate("""
                INSERT INTO section_definitions
                  (key, title, position, writer_prompt_key, required, schema, created_at, updated_at)
                VALUES (:key, :title, :position, :writer, :required, CAST(:schema AS json), :created, :updated)
                ON CONFLICT (key) DO UPDATE SET
                  title = EXCLUDED.title, position = EXCLUDED.position, writer_prompt_key = EXCLUDED.writer_prompt_key,
                  required = EXCLUDED.required, schema = EXCLUDED.schema, updated_at = EXCLUDED.updated_at
                """)
                .bind("key", definition.key().value())
                .bind("title", definition.title())
                .bind("position", definition.position())
                .bind("writer", definition.writerPromptKey().value())
                .bind("required", definition.required())
                .bind("schema", definition.schema().text())
                .bind("created", Rows.offset(definition.createdAt()))
                .bind("updated", Rows.offset(definition.updatedAt()))
                .execute());
        // once more: a read between the first forget and the write must not be remembered either
        remembered.forgetAll();
    }

    @Override
    public Page<SectionDefinition> list(PageRequest page) {
        Integer position = Cursors.integer(page, 0);
        String key = Cursors.text(page, 1);
        List<SectionDefinition> rows = session.withHandle(h -> h.createQuery(
                        SELECT + " WHERE (CAST(:position AS integer) IS NULL OR (position, key) > (:position, :key))"
                                + " ORDER BY position, key LIMIT :limit")
                .bind("position", position)
                .bind("key", key)
                .bind("limit", page.limit() + 1)
                .map(JdbiSectionDefinitions::definition)
                .list());
        return Page.fromLookahead(
                rows,
                page.limit(),
                d -> Cursor.of(Integer.toString(d.position()), d.key().value()));
    }

    @Override
    public List<SectionDefinition> all() {
        return remembered.get(
                ALL,
                () -> List.copyOf(session.withHandle(h -> h.createQuery(SELECT + " ORDER BY position, key")
                        .map(JdbiSectionDefinitions::definition)
                        .list())));
    }

    private static SectionDefinition definition(ResultSet rs, StatementContext ctx) throws SQLException {
        return new SectionDefinition(
                new SectionKey(rs.getString("key")),
                rs.getString("title"),
                rs.getInt("position"),
                new PromptKey(rs.getString("writer_prompt_key")),
                rs.getBoolean("required"),
                new JsonDocument(rs.getString("schema")),
                Rows.instant(rs, "created_at"),
                Rows.instant(rs, "updated_at"));
    }
}
