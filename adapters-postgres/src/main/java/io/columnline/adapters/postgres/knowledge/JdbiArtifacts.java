package io.columnline.adapters.postgres.knowledge;

import io.columnline.adapters.postgres.shared.JdbiSession;
import io.columnline.adapters.postgres.shared.Rows;
import io.columnline.application.knowledge.port.out.Artifacts;
import io.columnline.application.shared.Cursor;
import io.columnline.application.shared.Page;
import io.columnline.application.shared.PageRequest;
import io.columnline.domain.client.ClientId;
import io.columnline.domain.error.Invalid;
import io.columnline.domain.json.JsonDocument;
import io.columnline.domain.knowledge.Artifact;
import io.columnline.domain.run.RunId;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.statement.StatementContext;

@Singleton
final class JdbiArtifacts implements Artifacts {
    private static final String COLUMNS =
            "id, client_id, key, version, kind, content_type, text_content, bytes_content,"
                    + " content_sha256, size_bytes, run_id, metadata::text AS metadata, created_at";

    private final JdbiSession session;

    @Inject
    JdbiArtifacts(JdbiSession session) {
        this.session = session;
    }

    @Override
    public boolean add(Artifact a) {
        return session.withHandle(h -> h.createUpdate("""
                        INSERT INTO artifacts (id, client_id, key, version, kind, content_type, text_content,
                          bytes_content, content_sha256, size_bytes, run_id, metadata, created_at)
                        VALUES (:id, :client, :key, :version, :kind, :type, CAST(:text AS text), CAST(:bytes AS bytea),
                          :sha, :size, CAST(:run AS uuid), CAST(:metadata AS json), :created)
                        ON CONFLICT (client_id, key, version) DO NOTHING
                        """)
                        .bind("id", a.id())
                        .bind("client", a.client().value())
                        .bind("key", a.key())
                        .bind("version", a.version())
                        .bind("kind", a.kind())
                        .bind("type", a.contentType())
                        .bind("text", a.text().orElse(null))
                        .bind("bytes", a.bytes().orElse(null))
                        .bind("sha", a.contentSha256())
                        .bind("size", a.sizeBytes())
                        .bind("run", a.run().map(RunId::value).orElse(null))
                        .bind("metadata", a.metadata().text())
                        .bind("created", Rows.offset(a.createdAt()))
                        .execute())
                > 0;
    }

    @Override
    public Optional<Artifact> latest(ClientId client, String key) {
        return session.withHandle(h -> h.createQuery("SELECT " + COLUMNS
                        + " FROM artifacts WHERE client_id = :client AND key = :key ORDER BY version DESC LIMIT 1")
                .bind("client", client.value())
                .bind("key", key)
                .map(JdbiArtifacts::artifact)
                .findOne());
    }

    @Override
    public Optional<Artifact> version(ClientId client, String key, int version) {
        return session.withHandle(h -> h.createQuery("SELECT " + COLUMNS
                        + " FROM artifacts WHERE client_id = :client AND key = :key AND version = :version")
                .bind("client", client.value())
                .bind("key", key)
                .bind("version", version)
                .map(JdbiArtifacts::artifact)
                .findOne());
    }

    @Override
    public List<Artifact> versions(ClientId client, String key) {
        return session.withHandle(h -> h.createQuery("SELECT " + COLUMNS
                        + " FROM artifacts WHERE client_id = :client AND key = :key ORDER BY version")
                .bind("client", client.value())
                .bind("key", key)
                .map(JdbiArtifacts::artifact)
                .list());
    }

    @Override
    public Page<Artifact> list(Filter f, PageRequest page) {
        Instant afterAt = null;
        UUID afterClient = null;
        String afterKey = null;
        if (page.cursor().isPresent()) {
            try {
                afterAt = Instant.parse(page.cursor().get().value(0));
                afterClient = UUID.fromString(page.cursor().get().value(1));
                afterKey = page.cursor().get().value(2);
            } catch (RuntimeException e) {
                throw new Invalid("cursor", "is not a cursor this API returned; pass next_cursor unchanged");
            }
        }
        Instant at = afterAt;
        UUID client = afterClient;
        String key = afterKey;
        record Row(Artifact artifact, Instant began) {}
        // each key's newest version, ordered by when the key began (its first version)
        List<Row> rows = session.withHandle(h -> h.createQuery("SELECT * FROM (SELECT DISTINCT ON (client_id, key) "
                        + COLUMNS + ", min(created_at) OVER (PARTITION BY client_id, key) AS began FROM artifacts"
                        + " WHERE (CAST(:client AS uuid) IS NULL OR client_id = CAST(:client AS uuid))"
                        + " ORDER BY client_id, key, version DESC) latest"
                        + " WHERE (CAST(:kind AS text) IS NULL OR kind = CAST(:kind AS text))"
                        + " AND (CAST(:run AS uuid) IS NULL OR run_id = CAST(:run AS uuid))"
                        + " AND (CAST(:afterAt AS timestamptz) IS NULL OR (began, client_id, key)"
                        + " > (CAST(:afterAt AS timestamptz), CAST(:afterClient AS uuid), CAST(:afterKey AS text)))"
                        + " ORDER BY began, client_id, key LIMIT :limit")
                .bind("client", f.client().map(ClientId::value).orElse(null))
                .bind("kind", f.kind().orElse(null))
                .bind("run", f.run().map(RunId::value).orElse(null))
                .bind("afterAt", Rows.offset(at))
                .bind("afterClient", client)
                .bind("afterKey", key)
                .bind("limit", page.limit() + 1)
                .map((rs, ctx) -> new Row(artifact(rs, ctx), Rows.instant(rs, "began")))
                .list());
        return Page.fromLookahead(
                        rows,
                        page.limit(),
                        r -> Cursor.of(
                                r.began().toString(),
                                r.artifact().client().value().toString(),
                                r.artifact().key()))
                .map(Row::artifact);
    }

    private static Artifact artifact(ResultSet rs, StatementContext ctx) throws SQLException {
        return new Artifact(
                Rows.uuid(rs, "id"),
                new ClientId(Rows.uuid(rs, "client_id")),
                rs.getString("key"),
                rs.getInt("version"),
                rs.getString("kind"),
                rs.getString("content_type"),
                Optional.ofNullable(rs.getString("text_content")),
                Optional.ofNullable(rs.getBytes("bytes_content")),
                rs.getString("content_sha256"),
                rs.getLong("size_bytes"),
                Rows.optionalUuid(rs, "run_id").map(RunId::new),
                new JsonDocument(rs.getString("metadata")),
                Rows.instant(rs, "created_at"));
    }
}
