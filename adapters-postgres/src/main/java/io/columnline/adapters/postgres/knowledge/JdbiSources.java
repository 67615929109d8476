package io.columnline.adapters.postgres.knowledge;

import io.columnline.adapters.postgres.shared.JdbiSession;
import io.columnline.adapters.postgres.shared.Rows;
import io.columnline.application.knowledge.port.out.Sources;
import io.columnline.application.shared.Cursor;
import io.columnline.application.shared.Page;
import io.columnline.application.shared.PageRequest;
import io.columnline.domain.client.ClientId;
import io.columnline.domain.error.Invalid;
import io.columnline.domain.json.JsonDocument;
import io.columnline.domain.knowledge.Source;
import io.columnline.domain.knowledge.SourceChunk;
import io.columnline.domain.knowledge.SourceId;
import io.columnline.domain.knowledge.SourceStatus;
import io.columnline.domain.knowledge.SourceType;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.StatementContext;

@Singleton
final class JdbiSources implements Sources {
    private static final String COLUMNS = "id, client_id, key, version, type, name, content_type, sha256, size_bytes,"
            + " raw_metadata::text AS raw_metadata, status, error, token_count, chunk_count, created_at, processed_at";
    private static final String SELECT = "SELECT " + COLUMNS + " FROM context_sources";

    private final JdbiSession session;

    @Inject
    JdbiSources(JdbiSession session) {
        this.session = session;
    }

    @Override
    public void add(Source source, byte[] content) {
        session.useHandle(h -> h.createUpdate("""
                INSERT INTO context_sources (id, client_id, key, version, type, name, content_type, content, sha256,
                  size_bytes, raw_metadata, status, created_at)
                VALUES (:id, :client, :key, :version, :type, :name, :contentType, :content, :sha256,
                  :size, CAST(:metadata AS json), :status, :created)
                """)
                .bind("id", source.id().value())
                .bind("client", source.client().value())
                .bind("key", source.key().orElse(null))
                .bind("version", source.version())
                .bind("type", source.type().key())
                .bind("name", source.name())
                .bind("contentType", source.contentType())
                .bind("content", content)
                .bind("sha256", source.sha256())
                .bind("size", source.sizeBytes())
                .bind("metadata", source.metadata().text())
                .bind("status", source.status().key())
                .bind("created", Rows.offset(source.createdAt()))
                .execute());
    }

    @Override
    public Optional<Source> byId(SourceId id) {
        return session.withHandle(h -> h.createQuery(SELECT + " WHERE id = :id")
                .bind("id", id.value())
                .map(JdbiSources::source)
                .findOne());
    }

    @Override
    public Optional<Source> byHash(ClientId client, String sha256) {
        return session.withHandle(h -> h.createQuery(SELECT
                        + " WHERE client_id = :client AND sha256 = :sha256 ORDER BY created_at DESC, id DESC LIMIT 1")
                .bind("client", client.value())
                .bind("sha256", sha256)
                .map(JdbiSources::source)
                .findOne());
    }

    @Override
    public Optional<Source> latestOfKey(ClientId client, String key) {
        return session.withHandle(
                h -> h.createQuery(SELECT + " WHERE client_id = :client AND key = :key ORDER BY version DESC LIMIT 1")
                        .bind("client", client.value())
                        .bind("key", key)
                        .map(JdbiSources::source)
                        .findOne());
    }

    @Override
    public Optional<byte[]> content(SourceId id) {
        return session.withHandle(h -> h.createQuery("SELECT content FROM context_sources WHERE id = :id")
                .bind("id", id.value())
                .map((rs, ctx) -> rs.getBytes("content"))
                .findOne());
    }

    @Override
    public Page<Source> list(Filter filter, PageRequest page) {
        Instant afterCreated = null;
        UUID afterId = null;
        if (page.cursor().isPresent()) {
            try {
                afterCreated = Instant.parse(page.cursor().get().value(0));
                afterId = UUID.fromString(page.cursor().get().value(1));
            } catch (RuntimeException e) {
                throw new Invalid("cursor", "is not a cursor this API returned; pass next_cursor unchanged");
            }
        }
        Instant created = afterCreated;
        UUID id = afterId;
        List<Source> rows = session.withHandle(h -> h.createQuery(SELECT + """
                         WHERE (CAST(:client AS uuid) IS NULL OR client_id = CAST(:client AS uuid))
                           AND (CAST(:status AS text) IS NULL OR status = :status)
                           AND (CAST(:type AS text) IS NULL OR type = :type)
                           AND (CAST(:key AS text) IS NULL OR key = :key)
                           AND (CAST(:created AS timestamptz) IS NULL OR (created_at, id) > (:created, CAST(:id AS uuid)))
                         ORDER BY created_at, id LIMIT :limit
                        """)
                .bind("client", filter.client().map(ClientId::value).orElse(null))
                .bind("status", filter.status().map(SourceStatus::key).orElse(null))
                .bind("type", filter.type().map(SourceType::key).orElse(null))
                .bind("key", filter.key().orElse(null))
                .bind("created", created == null ? null : Rows.offset(created))
                .bind("id", id)
                .bind("limit", page.limit() + 1)
                .map(JdbiSources::source)
                .list());
        return Page.fromLookahead(
                rows, page.limit(), s -> Cursor.of(s.createdAt().toString(), s.id().toString()));
    }

    @Override
    public Page<SourceChunk> chunks(SourceId id, PageRequest page) {
        int after;
        try {
            after = page.cursor().map(c -> Integer.parseInt(c.value(0))).orElse(-1);
        } catch (RuntimeException e) {
            throw new Invalid("cursor", "is not a cursor this API returned; pass next_cursor unchanged");
        }
        List<SourceChunk> rows = session.withHandle(h -> h.createQuery("""
                        SELECT id, source_id, chunk_index, content, token_count, metadata::text AS metadata
                        FROM source_chunks WHERE source_id = :source AND chunk_index > :after
                        ORDER BY chunk_index LIMIT :limit
                        """)
                .bind("source", id.value())
                .bind("after", after)
                .bind("limit", page.limit() + 1)
                .map(JdbiSources::chunk)
                .list());
        return Page.fromLookahead(rows, page.limit(), c -> Cursor.of(Integer.toString(c.chunkIndex())));
    }

    @Override
    public Optional<Claim> claimNext(Instant now, Duration lease) {
        UUID token = UUID.randomUUID();
        return session.withHandle(h -> h.createQuery("""
                        UPDATE context_sources SET status = 'processing', lease_token = :token,
                          lease_until = :until, attempts = attempts + 1
                        WHERE id = (
                          SELECT id FROM context_sources
                          WHERE status = 'pending' OR (status = 'processing' AND lease_until < :now)
                          ORDER BY created_at, id
                          FOR UPDATE SKIP LOCKED LIMIT 1)
                        RETURNING attempts, """ + COLUMNS)
                .bind("token", token)
                .bind("until", Rows.offset(now.plus(lease)))
                .bind("now", Rows.offset(now))
                .map((rs, ctx) -> new Claim(source(rs, ctx), token, rs.getInt("attempts")))
                .findOne());
    }

    @Override
    public boolean complete(Claim claim, List<SourceChunk> chunks, int tokenCount, Instant now) {
        return session.inTransaction(() -> session.withHandle(h -> {
            Optional<Integer> locked = h.createQuery("""
                            SELECT version FROM context_sources
                            WHERE id = :id AND status = 'processing' AND lease_token = :token FOR UPDATE
                            """)
                    .bind("id", claim.source().id().value())
                    .bind("token", claim.leaseToken())
                    .mapTo(Integer.class)
                    .findOne();
            if (locked.isEmpty()) {
                return false;
            }
            Source source = claim.source();
            if (source.key().isPresent()) {
                h.createUpdate("""
                                DELETE FROM context_sources
                                WHERE client_id = :client AND key = :key AND version < :version
                                """)
                        .bind("client", source.client().value())
                        .bind("key", source.key().get())
                        .bind("version", locked.get())
                        .execute();
            }
            h.createUpdate("DELETE FROM source_chunks WHERE source_id = :id")
                    .bind("id", source.id().value())
                    .execute();
            h.createUpdate("DELETE FROM source_supplied_chunks WHERE source_id = :id")
                    .bind("id", source.id().value())
                    .execute();
            PreparedBatch batch = h.prepareBatch("""
                    INSERT INTO source_chunks (id, source_id, client_id, chunk_index, content, token_count, metadata)
                    VALUES (:id, :source, :client, :index, :content, :tokens, CAST(:metadata AS json))
                    """);
            for (SourceChunk chunk : chunks) {
                batch.bind("id", chunk.id())
                        .bind("source", source.id().value())
                        .bind("client", source.client().value())
                        .bind("index", chunk.chunkIndex())
                        .bind("content", chunk.content())
                        .bind("tokens", chunk.tokenCount())
                        .bind("metadata", chunk.metadata().text())
                        .add();
            }
            if (!chunks.isEmpty()) {
                batch.execute();
            }
            h.createUpdate("""
                            UPDATE context_sources SET status = 'ready', error = NULL, token_count = :tokens,
                              chunk_count = :chunks, processed_at = :now, lease_token = NULL, lease_until = NULL
                            WHERE id = :id
                            """)
                    .bind("tokens", tokenCount)
                    .bind("chunks", chunks.size())
                    .bind("now", Rows.offset(now))
                    .bind("id", source.id().value())
                    .execute();
            return true;
        }));
    }

    @Override
    public boolean fail(Claim claim, String reason, Instant now) {
        return session.withHandle(h -> h.createUpdate("""
                                UPDATE context_sources SET status = 'error', error = :reason, processed_at = :now,
                                  lease_token = NULL, lease_until = NULL
                                WHERE id = :id AND status = 'processing' AND lease_token = :token
                                """)
                        .bind("reason", reason)
                        .bind("now", Rows.offset(now))
                        .bind("id", claim.source().id().value())
                        .bind("token", claim.leaseToken())
                        .execute())
                == 1;
    }

    @Override
    public void addSupplied(SourceId id, List<Supplied> chunks) {
        if (chunks.isEmpty()) {
            return;
        }
        session.useHandle(h -> {
            PreparedBatch batch = h.prepareBatch("""
                    INSERT INTO source_supplied_chunks (source_id, chunk_index, content, metadata, model, embedding)
                    VALUES (:source, :index, :content, CAST(:metadata AS json), :model, :embedding)
                    """);
            for (Supplied chunk : chunks) {
                float[] vector = chunk.embedding();
                Float[] boxed = new Float[vector.length];
                for (int i = 0; i < vector.length; i++) {
                    boxed[i] = vector[i];
                }
                batch.bind("source", id.value())
                        .bind("index", chunk.chunkIndex())
                        .bind("content", chunk.content())
                        .bind("metadata", chunk.metadata().text())
                        .bind("model", chunk.model())
                        .bindArray("embedding", Float.class, (Object[]) boxed)
                        .add();
            }
            batch.execute();
        });
    }

    @Override
    public List<Supplied> supplied(SourceId id) {
        return session.withHandle(h -> h.createQuery("""
                        SELECT chunk_index, content, metadata::text AS metadata, model, embedding
                        FROM source_supplied_chunks WHERE source_id = :source ORDER BY chunk_index
                        """)
                .bind("source", id.value())
                .map((rs, ctx) -> {
                    Object[] values = (Object[]) rs.getArray("embedding").getArray();
                    float[] vector = new float[values.length];
                    for (int i = 0; i < values.length; i++) {
                        vector[i] = ((Number) values[i]).floatValue();
                    }
                    return new Supplied(
                            rs.getInt("chunk_index"),
                            rs.getString("content"),
                            new JsonDocument(rs.getString("metadata")),
                            rs.getString("model"),
                            vector);
                })
                .list());
    }

    @Override
    public boolean delete(SourceId id) {
        return session.withHandle(h -> h.createUpdate("DELETE FROM context_sources WHERE id = :id")
                        .bind("id", id.value())
                        .execute())
                == 1;
    }

    private static Source source(ResultSet rs, StatementContext ctx) throws SQLException {
        int tokens = rs.getInt("token_count");
        Optional<Integer> tokenCount = rs.wasNull() ? Optional.empty() : Optional.of(tokens);
        return new Source(
                new SourceId(Rows.uuid(rs, "id")),
                new ClientId(Rows.uuid(rs, "client_id")),
                Rows.optionalString(rs, "key"),
                rs.getInt("version"),
                SourceType.fromKey("type", rs.getString("type")),
                rs.getString("name"),
                rs.getString("content_type"),
                rs.getString("sha256"),
                rs.getLong("size_bytes"),
                new JsonDocument(rs.getString("raw_metadata")),
                SourceStatus.fromKey("status", rs.getString("status")),
                Rows.optionalString(rs, "error"),
                tokenCount,
                rs.getInt("chunk_count"),
                Rows.instant(rs, "created_at"),
                Rows.optionalInstant(rs, "processed_at"));
    }

    private static SourceChunk chunk(ResultSet rs, StatementContext ctx) throws SQLException {
        return new SourceChunk(
                Rows.uuid(rs, "id"),
                new SourceId(Rows.uuid(rs, "source_id")),
                rs.getInt("chunk_index"),
                rs.getString("content"),
                rs.getInt("token_count"),
                new JsonDocument(rs.getString("metadata")));
    }
}
