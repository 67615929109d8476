package io.columnline.adapters.postgres.knowledge;

import io.columnline.adapters.postgres.shared.JdbiSession;
import io.columnline.adapters.postgres.shared.Rows;
import io.columnline.application.knowledge.port.out.ChunkIndex.IndexedChunk;
import io.columnline.application.knowledge.port.out.ChunkIndex.Position;
import io.columnline.application.knowledge.port.out.SearchableChunks;
import io.columnline.domain.client.ClientId;
import io.columnline.domain.json.JsonDocument;
import io.columnline.domain.knowledge.SourceId;
import io.columnline.domain.knowledge.SourceType;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.nio.ByteBuffer;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;

/**
 * The ready chunks read for the search index, with their vectors, and the change sequence V22's
 * triggers append to. Vectors travel in PostgreSQL's binary array form ({@code array_send}), read
 * straight into floats: a rebuild reads millions of them.
 */
@Singleton
final class JdbiSearchableChunks implements SearchableChunks {
    private static final String CHUNKS = """
            SELECT c.id, c.source_id, s.client_id, s.name, s.version, s.key, s.type, s.created_at, c.chunk_index,
              c.content, c.metadata::text AS metadata
            FROM source_chunks c JOIN context_sources s ON s.id = c.source_id
            WHERE s.status = 'ready'
            """;

    private final JdbiSession session;

    @Inject
    JdbiSearchableChunks(JdbiSession session) {
        this.session = session;
    }

    @Override
    public Position latest() {
        return session.withHandle(h -> h.createQuery("""
                        SELECT epoch, (SELECT coalesce(max(seq), 0) FROM knowledge_changes) AS change
                        FROM knowledge_index_epoch
                        """)
                .map((rs, ctx) -> new Position(Rows.uuid(rs, "epoch"), rs.getLong("change")))
                .one());
    }

    @Override
    public List<Change> changesAfter(long change, int max) {
        return session.withHandle(h -> h.createQuery(
                        "SELECT seq, source_id FROM knowledge_changes WHERE seq > :after ORDER BY seq LIMIT :max")
                .bind("after", change)
                .bind("max", max)
                .map((rs, ctx) -> new Change(rs.getLong("seq"), new SourceId(Rows.uuid(rs, "source_id"))))
                .list());
    }

    @Override
    public List<IndexedChunk> ofSources(Collection<SourceId> sources) {
        if (sources.isEmpty()) {
            return List.of();
        }
        UUID[] ids = sources.stream().map(SourceId::value).toArray(UUID[]::new);
        return session.withHandle(h -> withVectors(
                h,
                h.createQuery(CHUNKS + " AND c.source_id = ANY(:ids) ORDER BY c.source_id, c.chunk_index")
                        .bind("ids", ids)
                        .map(JdbiSearchableChunks::chunk)
                        .list()));
    }

    @Override
    public void forEachReady(int batchSize, Consumer<List<IndexedChunk>> batch) {
        UUID afterSource = new UUID(0, 0);
        int afterIndex = -1;
        while (true) {
            UUID source = afterSource;
            int index = afterIndex;
            List<IndexedChunk> chunks = session.withHandle(h -> withVectors(
                    h,
                    h.createQuery(CHUNKS
                                    + " AND (c.source_id, c.chunk_index) > (:source, :index)"
                                    + " ORDER BY c.source_id, c.chunk_index LIMIT :limit")
                            .bind("source", source)
                            .bind("index", index)
                            .bind("limit", batchSize)
                            .map(JdbiSearchableChunks::chunk)
                            .list()));
            if (chunks.isEmpty()) {
                return;
            }
            batch.accept(chunks);
            IndexedChunk last = chunks.getLast();
            afterSource = last.source().value();
            afterIndex = last.chunkIndex();
        }
    }

    @Override
    public Position newEpoch() {
        session.useHandle(h -> h.createUpdate("UPDATE knowledge_index_epoch SET epoch = gen_random_uuid()")
                .execute());
        return latest();
    }

    /** The chunks again, each with its vectors by model. */
    private static List<IndexedChunk> withVectors(Handle h, List<IndexedChunk> chunks) {
        if (chunks.isEmpty()) {
            return chunks;
        }
        Map<UUID, Map<String, float[]>> vectors = new HashMap<>();
        h.createQuery("SELECT chunk_id, model, array_send(embedding) AS vector FROM chunk_embeddings"
                        + " WHERE chunk_id = ANY(:ids)")
                .bind("ids", chunks.stream().map(IndexedChunk::chunk).toArray(UUID[]::new))
                .map((rs, ctx) -> {
                    vectors.computeIfAbsent(Rows.uuid(rs, "chunk_id"), id -> new LinkedHashMap<>())
                            .put(rs.getString("model"), floats(rs.getBytes("vector")));
                    return 0;
                })
                .list();
        List<IndexedChunk> with = new ArrayList<>(chunks.size());
        for (IndexedChunk c : chunks) {
            with.add(new IndexedChunk(
                    c.chunk(),
                    c.source(),
                    c.client(),
                    c.sourceName(),
                    c.sourceVersion(),
                    c.sourceKey(),
                    c.sourceType(),
                    c.sourceCreatedAt(),
                    c.chunkIndex(),
                    c.content(),
                    c.metadata(),
                    vectors.getOrDefault(c.chunk(), Map.of())));
        }
        return with;
    }

    /**
     * PostgreSQL's binary array: dimensions, a null-bitmap flag, the element type, then per dimension
     * its length and lower bound, then per element its byte length and its bytes.
     */
    static float[] floats(byte[] binary) {
        ByteBuffer in = ByteBuffer.wrap(binary);
        int dimensions = in.getInt();
        in.getInt();
        in.getInt();
        if (dimensions == 0) {
            return new float[0];
        }
        int length = in.getInt();
        in.getInt();
        float[] vector = new float[length];
        for (int i = 0; i < length; i++) {
            in.getInt();
            vector[i] = in.getFloat();
        }
        return vector;
    }

    private static IndexedChunk chunk(ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx)
            throws SQLException {
        return new IndexedChunk(
                Rows.uuid(rs, "id"),
                new SourceId(Rows.uuid(rs, "source_id")),
                new ClientId(Rows.uuid(rs, "client_id")),
                rs.getString("name"),
                rs.getInt("version"),
                Optional.ofNullable(rs.getString("key")),
                SourceType.fromKey("type", rs.getString("type")),
                Rows.instant(rs, "created_at"),
                rs.getInt("chunk_index"),
                rs.getString("content"),
                new JsonDocument(rs.getString("metadata")),
                Map.of());
    }
}
