package io.columnline.application.knowledge.port.out;

import io.columnline.application.knowledge.port.out.ChunkIndex.IndexedChunk;
import io.columnline.application.knowledge.port.out.ChunkIndex.Position;
import io.columnline.domain.knowledge.SourceId;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;

/**
 * The store's side of the search index: the ready chunks with their vectors, and the sequence of
 * changes to them. Every write that touches a source, a chunk or a vector adds a change naming the
 * source, whoever makes it, and the sequence is in commit order: once change N is seen, every change
 * before it is too.
 */
public interface SearchableChunks {
    /** The current epoch and the last committed change. */
    Position latest();

    /** The changes after {@code change}, oldest first, at most {@code max}. */
    List<Change> changesAfter(long change, int max);

    /** The chunks, with their vectors, of those of these sources that are ready. */
    List<IndexedChunk> ofSources(Collection<SourceId> sources);

    /** Every ready chunk with its vectors, handed over in batches of about {@code batchSize}. */
    void forEachReady(int batchSize, Consumer<List<IndexedChunk>> batch);

    /** Starts a new epoch, so every index built in an earlier one rebuilds; answers the new latest. */
    Position newEpoch();

    record Change(long change, SourceId source) {}
}
