package io.columnline.adapters.postgres.knowledge;

import io.columnline.adapters.postgres.shared.JdbiSession;
import io.columnline.adapters.postgres.shared.Rows;
import io.columnline.application.knowledge.port.out.KnowledgeDocuments;
import io.columnline.domain.client.ClientId;
import io.columnline.domain.json.JsonDocument;
import io.columnline.domain.knowledge.KnowledgeDocument;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.statement.StatementContext;

@Singleton
final class JdbiKnowledgeDocuments implements KnowledgeDocuments {
    private static final String SELECT =
            "SELECT client_id, key, version, name, content, metadata::text AS metadata, created_at FROM knowledge_documents";

    private final JdbiSession session;

    @Inject
    JdbiKnowledgeDocuments(JdbiSession session) {
        this.session = session;
    }

    @Override
    public boolean add(KnowledgeDocument d) {
        return session.withHandle(h -> h.createUpdate("""
                        INSERT INTO knowledge_documents (client_id, key, version, name, content, content_sha256,
                          metadata, created_at)
                        VALUES (:client, :key, :version, :name, :content, :sha, CAST(:metadata AS json), :created)
                        ON CONFLICT (client_id, key, version) DO NOTHING
                        """)
                        .bind("client", d.client().value())
                        .bind("key", d.key())
                        .bind("version", d.version())
                        .bind("name", d.name())
                        .bind("content", d.content())
                        .bind("sha", sha256(d.content()))
                        .bind("metadata", d.metadata().text())
                        .bind("created", Rows.offset(d.createdAt()))
                        .execute())
                > 0;
    }

    @Override
    public Optional<KnowledgeDocument> latest(ClientId client, String key) {
        return session.withHandle(
                h -> h.createQuery(SELECT + " WHERE client_id = :client AND key = :key ORDER BY version DESC LIMIT 1")
                        .bind("client", client.value())
                        .bind("key", key)
                        .map(JdbiKnowledgeDocuments::document)
                        .findOne());
    }

    @Override
    public List<KnowledgeDocument> versions(ClientId client, String key) {
        return session.withHandle(
                h -> h.createQuery(SELECT + " WHERE client_id = :client AND key = :key ORDER BY version")
                        .bind("client", client.value())
                        .bind("key", key)
                        .map(JdbiKnowledgeDocuments::document)
                        .list());
    }

    @Override
    public List<KnowledgeDocument> latestOfClient(ClientId client) {
        return session.withHandle(h -> h.createQuery("SELECT DISTINCT ON (key) client_id, key, version, name, content,"
                        + " metadata::text AS metadata, created_at FROM knowledge_documents WHERE client_id = :client"
                        + " ORDER BY key, version DESC")
                .bind("client", client.value())
                .map(JdbiKnowledgeDocuments::document)
                .list());
    }

    private static KnowledgeDocument document(ResultSet rs, StatementContext ctx) throws SQLException {
        return new KnowledgeDocument(
                new ClientId(Rows.uuid(rs, "client_id")),
                rs.getString("key"),
                rs.getInt("version"),
                rs.getString("name"),
                rs.getString("content"),
                new JsonDocument(rs.getString("metadata")),
                Rows.instant(rs, "created_at"));
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
