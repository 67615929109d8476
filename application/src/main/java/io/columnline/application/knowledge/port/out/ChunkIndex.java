package io.columnline.application.knowledge.port.out;

import io.columnline.domain.client.ClientId;
import io.columnline.domain.json.JsonDocument;
import io.columnline.domain.knowledge.SourceId;
import io.columnline.domain.knowledge.SourceType;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The search index over ready chunks: a derived copy of the store that can always be rebuilt from
 * it. Writes become searchable at {@link #commit}, which records how far into the store's change
 * sequence the index has come. Both searches rank within one client, with every filter applied
 * inside the search (never to its answer), so a filtered search is as full as its matches allow.
 */
public interface ChunkIndex extends AutoCloseable {
    /** How far the index has come; empty when it holds nothing usable (missing, or of another schema). */
    Optional<Position> position();

    /** Removes every chunk of these sources. */
    void remove(Collection<SourceId> sources);

    void add(List<IndexedChunk> chunks);

    /** Removes everything and forgets the position: a rebuild starts here. */
    void clear();

    /** Makes the writes so far searchable and durable, recorded as having come to {@code position}. */
    void commit(Position position);

    /** Best first by keyword relevance (BM25 where the engine has it); at most {@code limit}. */
    List<Hit> lexical(ClientId client, String text, ChunkFilter filter, int limit);

    /** Best first by cosine similarity to {@code vector} among the vectors of {@code model}; at most {@code limit}. */
    List<Hit> nearest(ClientId client, String model, float[] vector, ChunkFilter filter, int limit);

    /** The chunks held, of every client. */
    long size();

    @Override
    void close();

    /**
     * {@code epoch} names the store's current generation of indexes (a new one makes every index
     * rebuild); {@code change} is the last change of the store's sequence applied.
     */
    record Position(UUID epoch, long change) {
        public Position {
            Objects.requireNonNull(epoch, "epoch");
        }
    }

    /** A ready chunk with what a search answers about it and its source; {@code vectors} by model. */
    record IndexedChunk(
            UUID chunk,
            SourceId source,
            ClientId client,
            String sourceName,
            int sourceVersion,
            Optional<String> sourceKey,
            SourceType sourceType,
            Instant sourceCreatedAt,
            int chunkIndex,
            String content,
            JsonDocument metadata,
            Map<String, float[]> vectors) {
        public IndexedChunk {
            Objects.requireNonNull(chunk, "chunk");
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(client, "client");
            Objects.requireNonNull(sourceName, "sourceName");
            Objects.requireNonNull(sourceKey, "sourceKey");
            Objects.requireNonNull(sourceType, "sourceType");
            Objects.requireNonNull(sourceCreatedAt, "sourceCreatedAt");
            Objects.requireNonNull(content, "content");
            Objects.requireNonNull(metadata, "metadata");
            vectors = Map.copyOf(vectors);
        }

        /** The same chunk without its vectors, as a search answers it. */
        public IndexedChunk withoutVectors() {
            return new IndexedChunk(
                    chunk,
                    source,
                    client,
                    sourceName,
                    sourceVersion,
                    sourceKey,
                    sourceType,
                    sourceCreatedAt,
                    chunkIndex,
                    content,
                    metadata,
                    Map.of());
        }
    }

    /**
     * Every part present must match: the source is one of {@code sources}, its type one of
     * {@code types}, its key one of {@code keys} (an empty set does not filter); the chunk's metadata
     * contains {@code metadata} (JSON containment: objects by member, recursively; an array by
     * element); the source was created after {@code createdAfter}.
     */
    record ChunkFilter(
            Set<SourceId> sources,
            Set<SourceType> types,
            Set<String> keys,
            Optional<JsonDocument> metadata,
            Optional<Instant> createdAfter) {
        public static final ChunkFilter NONE =
                new ChunkFilter(Set.of(), Set.of(), Set.of(), Optional.empty(), Optional.empty());

        public ChunkFilter {
            sources = Set.copyOf(sources);
            types = Set.copyOf(types);
            keys = Set.copyOf(keys);
            Objects.requireNonNull(metadata, "metadata");
            Objects.requireNonNull(createdAfter, "createdAfter");
        }
    }

    /** {@code chunk} comes without its vectors; {@code score} is the engine's, higher is better. */
    record Hit(IndexedChunk chunk, double score) {}
}
