package io.columnline.adapters.postgres.knowledge;

import io.columnline.adapters.postgres.shared.JdbiSession;
import io.columnline.adapters.postgres.shared.Rows;
import io.columnline.application.knowledge.port.out.ChunkEmbeddings;
import io.columnline.domain.client.ClientId;
import io.columnline.domain.json.JsonDocument;
import io.columnline.domain.knowledge.ChunkEmbedding;
import io.columnline.domain.knowledge.SourceChunk;
import io.columnline.domain.knowledge.SourceId;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.sql.Array;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.statement.PreparedBatch;

/** Vectors as {@code real[]}: exact, portable to any PostgreSQL, and all a rebuilt index needs. */
@Singleton
final class JdbiChunkEmbeddings implements ChunkEmbeddings {
    private final JdbiSession session;

    @Inject
    JdbiChunkEmbeddings(JdbiSession session) {
        this.session = session;
    }

    @Override
    public void add(ClientId client, List<ChunkEmbedding> embeddings) {
        if (embeddings.isEmpty()) {
            return;
        }
        session.useHandle(h -> {
            PreparedBatch batch = h.prepareBatch("""
                    INSERT INTO chunk_embeddings (chunk_id, client_id, model, dimension, embedding)
                    VALUES (:chunk, :client, :model, :dimension, :embedding)
                    ON CONFLICT (chunk_id, model) DO UPDATE SET dimension = EXCLUDED.dimension,
                      embedding = EXCLUDED.embedding
                    """);
            for (ChunkEmbedding e : embeddings) {
                float[] vector = e.vector();
                Float[] boxed = new Float[vector.length];
                for (int i = 0; i < vector.length; i++) {
                    boxed[i] = vector[i];
                }
                batch.bind("chunk", e.chunk())
                        .bind("client", client.value())
                        .bind("model", e.model())
                        .bind("dimension", e.dimension())
                        .bindArray("embedding", Float.class, (Object[]) boxed)
                        .add();
            }
            batch.execute();
        });
    }

    @Override
    public Optional<Integer> dimension(ClientId client, String model) {
        return session.withHandle(h -> h.createQuery(
                        "SELECT dimension FROM chunk_embeddings WHERE client_id = :client AND model = :model LIMIT 1")
                .bind("client", client.value())
                .bind("model", model)
                .mapTo(Integer.class)
                .findOne());
    }

    @Override
    public List<SourceChunk> withoutModel(ClientId client, String model, int limit) {
        return session.withHandle(h -> h.createQuery("""
                        SELECT c.id, c.source_id, c.chunk_index, c.content, c.token_count, c.metadata::text AS metadata
                        FROM source_chunks c
                        WHERE c.client_id = :client AND NOT EXISTS (
                          SELECT 1 FROM chunk_embeddings e WHERE e.chunk_id = c.id AND e.model = :model)
                        ORDER BY c.id LIMIT :limit
                        """)
                .bind("client", client.value())
                .bind("model", model)
                .bind("limit", limit)
                .map((rs, ctx) -> new SourceChunk(
                        Rows.uuid(rs, "id"),
                        new SourceId(Rows.uuid(rs, "source_id")),
                        rs.getInt("chunk_index"),
                        rs.getString("content"),
                        rs.getInt("token_count"),
                        new JsonDocument(rs.getString("metadata"))))
                .list());
    }

    @Override
    public Coverage coverage(ClientId client, String model) {
        return session.withHandle(h -> h.createQuery("""
                        SELECT count(*) AS chunks, count(e.chunk_id) AS embedded FROM source_chunks c
                        LEFT JOIN chunk_embeddings e ON e.chunk_id = c.id AND e.model = :model
                        WHERE c.client_id = :client
                        """)
                .bind("client", client.value())
                .bind("model", model)
                .map((rs, ctx) -> new Coverage(rs.getLong("chunks"), rs.getLong("embedded")))
                .one());
    }

    @Override
    public List<ChunkEmbedding> ofSource(SourceId source) {
        return session.withHandle(h -> h.createQuery("""
                        SELECT e.chunk_id, c.source_id, c.chunk_index, e.model, e.embedding
                        FROM chunk_embeddings e JOIN source_chunks c ON c.id = e.chunk_id
                        WHERE c.source_id = :source ORDER BY c.chunk_index, e.model
                        """)
                .bind("source", source.value())
                .map((rs, ctx) -> new ChunkEmbedding(
                        Rows.uuid(rs, "chunk_id"),
                        new SourceId(Rows.uuid(rs, "source_id")),
                        rs.getInt("chunk_index"),
                        rs.getString("model"),
                        floats(rs.getArray("embedding"))))
                .list());
    }

    private static float[] floats(Array array) throws SQLException {
        Object[] values = (Object[]) array.getArray();
        float[] vector = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            vector[i] = ((Number) values[i]).floatValue();
        }
        return vector;
    }
}
