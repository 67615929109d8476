package io.columnline.application.knowledge.port.out;

import io.columnline.application.shared.Page;
import io.columnline.application.shared.PageRequest;
import io.columnline.domain.client.ClientId;
import io.columnline.domain.json.JsonDocument;
import io.columnline.domain.knowledge.Source;
import io.columnline.domain.knowledge.SourceChunk;
import io.columnline.domain.knowledge.SourceId;
import io.columnline.domain.knowledge.SourceStatus;
import io.columnline.domain.knowledge.SourceType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Context sources with their bytes, and the work queue their processing runs from: a worker claims
 * a source for a lease, and only the holder of that lease may settle it.
 */
public interface Sources {
    void add(Source source, byte[] content);

    Optional<Source> byId(SourceId id);

    /** A source of the client with exactly these bytes (the newest, if there are several). */
    Optional<Source> byHash(ClientId client, String sha256);

    /** The newest version of the client's key. */
    Optional<Source> latestOfKey(ClientId client, String key);

    Optional<byte[]> content(SourceId id);

    /** Oldest first; every filter present must match. */
    Page<Source> list(Filter filter, PageRequest page);

    /** In order of chunk_index. */
    Page<SourceChunk> chunks(SourceId id, PageRequest page);

    /**
     * Takes the oldest source that is pending, or processing under a lease that ended, and marks it
     * processing under a new lease; several workers never take the same one.
     */
    Optional<Claim> claimNext(Instant now, Duration lease);

    /**
     * Stores the chunks and makes the claimed source ready, and deletes the older versions of its
     * key with their chunks. False (nothing written) when the claim's lease was lost.
     */
    boolean complete(Claim claim, List<SourceChunk> chunks, int tokenCount, Instant now);

    /** Marks the claimed source failed with the reason; false when the lease was lost. */
    boolean fail(Claim claim, String reason, Instant now);

    /**
     * Keeps chunks the caller sent already embedded with the source (added in the same transaction)
     * until a worker stores them as its chunks; {@link #complete} deletes them.
     */
    void addSupplied(SourceId id, List<Supplied> chunks);

    /** The chunks sent with the source, in order; empty when its chunks are the server's to make. */
    List<Supplied> supplied(SourceId id);

    /** Deletes the source with its chunks; false when there was none. */
    boolean delete(SourceId id);

    record Filter(
            Optional<ClientId> client,
            Optional<SourceStatus> status,
            Optional<SourceType> type,
            Optional<String> key) {}

    /** A chunk as its caller sent it, with its vector in the caller's model. */
    record Supplied(int chunkIndex, String content, JsonDocument metadata, String model, float[] embedding) {
        public Supplied {
            embedding = embedding.clone();
        }

        @Override
        public float[] embedding() {
            return embedding.clone();
        }
    }

    /** {@code attempts} counts the claims, this one included. */
    record Claim(Source source, UUID leaseToken, int attempts) {}
}
